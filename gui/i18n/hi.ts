<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
  <context>
    <name>gui</name>
    <message>
      <source>Applications</source>
      <translation>आवेदन</translation>
    </message>
    <message>
      <source>Personalise cards</source>
      <translation>कार्ड वैयक्तिकरण</translation>
    </message>
    <message>
      <source>Handover (OTP)</source>
      <translation>कार्ड सौंपना (OTP)</translation>
    </message>
    <message>
      <source>FMA: No OPD</source>
      <translation>FMA: OPD नहीं</translation>
    </message>
    <message>
      <source>Lost cards and duplicates</source>
      <translation>खोए कार्ड और डुप्लिकेट</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>नाम</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>संबंध</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>जन्म तिथि</translation>
    </message>
    <message>
      <source>Gender (M/F/O)</source>
      <translation>लिंग (M/F/O)</translation>
    </message>
    <message>
      <source>In service records (yes/no)</source>
      <translation>सेवा अभिलेख में (yes/no)</translation>
    </message>
    <message>
      <source>Marital status</source>
      <translation>वैवाहिक स्थिति</translation>
    </message>
    <message>
      <source>Date of marriage</source>
      <translation>विवाह तिथि</translation>
    </message>
    <message>
      <source>Part II order no</source>
      <translation>पार्ट II आदेश संख्या</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>निर्णय</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>नियम</translation>
    </message>
    <message>
      <source>&amp;Add dependant</source>
      <translation>आश्रित जोड़ें (&amp;A)</translation>
    </message>
    <message>
      <source>Re&amp;move dependant</source>
      <translation>आश्रित हटाएँ (&amp;M)</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>सेवा</translation>
    </message>
    <message>
      <source>Service number</source>
      <translation>सेवा संख्या</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>रैंक</translation>
    </message>
    <message>
      <source>Date of retirement</source>
      <translation>सेवानिवृत्ति तिथि</translation>
    </message>
    <message>
      <source>Pension</source>
      <translation>पेंशन</translation>
    </message>
    <message>
      <source>Pension from</source>
      <translation>पेंशन आरंभ</translation>
    </message>
    <message>
      <source>PPO number</source>
      <translation>PPO संख्या</translation>
    </message>
    <message>
      <source>Basic + dearness pension (Rs a month)</source>
      <translation>मूल + महंगाई पेंशन (रु. प्रति माह)</translation>
    </message>
    <message>
      <source>Record Office</source>
      <translation>रिकॉर्ड ऑफिस</translation>
    </message>
    <message>
      <source>War widow (yes/no)</source>
      <translation>युद्ध विधवा (हाँ/नहीं)</translation>
    </message>
    <message>
      <source>Contribution deducted at source (yes/no)</source>
      <translation>अंशदान स्रोत पर कटा (हाँ/नहीं)</translation>
    </message>
    <message>
      <source>Mobile (for the handover OTP)</source>
      <translation>मोबाइल (OTP हेतु)</translation>
    </message>
    <message>
      <source>Application date</source>
      <translation>आवेदन तिथि</translation>
    </message>
    <message>
      <source>Card size</source>
      <translation>कार्ड आकार</translation>
    </message>
    <message>
      <source>Submitted at Regional Centre</source>
      <translation>क्षेत्रीय केंद्र पर जमा</translation>
    </message>
    <message>
      <source>Add-on cards</source>
      <translation>अतिरिक्त कार्ड</translation>
    </message>
    <message>
      <source>Regional Centre (from the Record Office)</source>
      <translation>क्षेत्रीय केंद्र (रिकॉर्ड ऑफिस से)</translation>
    </message>
    <message>
      <source>Ward entitlement (from the rank)</source>
      <translation>वार्ड पात्रता (रैंक से)</translation>
    </message>
    <message>
      <source>Contribution</source>
      <translation>अंशदान</translation>
    </message>
    <message>
      <source>Card fees</source>
      <translation>कार्ड शुल्क</translation>
    </message>
    <message>
      <source>Dependants (Ctrl+D adds one; type in the cells)</source>
      <translation>आश्रित (Ctrl+D से जोड़ें; खानों में लिखें)</translation>
    </message>
    <message>
      <source>Dependant {n}</source>
      <translation>आश्रित {n}</translation>
    </message>
    <message>
      <source>Submitted at Regional Centre: this field is required</source>
      <translation>क्षेत्रीय केंद्र में जमा: यह भरना ज़रूरी है</translation>
    </message>
    <message>
      <source>complete the member's details to see the decision</source>
      <translation>निर्णय देखने के लिए सदस्य का विवरण पूरा करें</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>लिंग</translation>
    </message>
    <message>
      <source>Basic + dearness pension</source>
      <translation>मूल + महँगाई पेंशन</translation>
    </message>
    <message>
      <source>War widow</source>
      <translation>युद्ध विधवा</translation>
    </message>
    <message>
      <source>Contribution deducted at source</source>
      <translation>अंशदान स्रोत पर कटा</translation>
    </message>
    <message>
      <source>name</source>
      <translation>नाम</translation>
    </message>
    <message>
      <source>relation</source>
      <translation>संबंध</translation>
    </message>
    <message>
      <source>date of birth</source>
      <translation>जन्म तिथि</translation>
    </message>
    <message>
      <source>gender</source>
      <translation>लिंग</translation>
    </message>
    <message>
      <source>service records</source>
      <translation>सेवा रिकॉर्ड</translation>
    </message>
    <message>
      <source>date of marriage</source>
      <translation>विवाह की तिथि</translation>
    </message>
    <message>
      <source>State</source>
      <translation>स्थिति</translation>
    </message>
    <message>
      <source>Applied on</source>
      <translation>आवेदन तिथि</translation>
    </message>
    <message>
      <source>Cards</source>
      <translation>कार्ड</translation>
    </message>
    <message>
      <source>&amp;New application (Ctrl+N)</source>
      <translation>नया आवेदन (&amp;N) (Ctrl+N)</translation>
    </message>
    <message>
      <source>&amp;Save as draft (Ctrl+S)</source>
      <translation>प्रारूप सहेजें (&amp;S) (Ctrl+S)</translation>
    </message>
    <message>
      <source>S&amp;ubmit for verification (Ctrl+Enter)</source>
      <translation>सत्यापन हेतु भेजें (&amp;U) (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>&amp;Verify (Ctrl+Shift+V)</source>
      <translation>सत्यापित करें (&amp;V) (Ctrl+Shift+V)</translation>
    </message>
    <message>
      <source>&amp;Return for correction (Ctrl+Shift+R)</source>
      <translation>सुधार हेतु लौटाएँ (&amp;R) (Ctrl+Shift+R)</translation>
    </message>
    <message>
      <source>Receipt of &amp;documents: PDF and print (Ctrl+Shift+P)</source>
      <translation>दस्तावेज़ों की रसीद (&amp;D): PDF और प्रिंट (Ctrl+Shift+P)</translation>
    </message>
    <message>
      <source>Service number, name or card number (Ctrl+F)</source>
      <translation>सेवा संख्या, नाम या कार्ड संख्या (Ctrl+F)</translation>
    </message>
    <message>
      <source>Application saved as a draft: submit it for verification</source>
      <translation>आवेदन ड्राफ्ट के रूप में सहेजा गया: अब सत्यापन के लिए भेजें</translation>
    </message>
    <message>
      <source>{name}: submitted for verification</source>
      <translation>{name}: सत्यापन के लिए भेजा गया</translation>
    </message>
    <message>
      <source>{name}: verified; the cards can be personalised</source>
      <translation>{name}: सत्यापित; अब कार्ड बनाए जा सकते हैं</translation>
    </message>
    <message>
      <source>{name}: returned to the clerk for correction</source>
      <translation>{name}: सुधार के लिए क्लर्क को लौटाया गया</translation>
    </message>
    <message>
      <source>select an application in the list first</source>
      <translation>पहले सूची में एक आवेदन चुनें</translation>
    </message>
    <message>
      <source>Receipt of documents saved as {path}</source>
      <translation>दस्तावेज़ों की रसीद {path} में सहेजी गई</translation>
    </message>
    <message>
      <source>(type the Record Office)</source>
      <translation>(रिकॉर्ड ऑफिस लिखें)</translation>
    </message>
    <message>
      <source>eligible</source>
      <translation>पात्र</translation>
    </message>
    <message>
      <source>NOT eligible</source>
      <translation>पात्र नहीं</translation>
    </message>
    <message>
      <source>until</source>
      <translation>तक</translation>
    </message>
    <message>
      <source>Cancelled ({where}). If writing had begun the card is incomplete and every counter refuses it: leave it in the reader and press {retry} to finish it.</source>
      <translation>रद्द ({where})। अगर लिखना शुरू हो गया था तो कार्ड अधूरा है और हर काउंटर उसे मना करेगा: कार्ड रीडर में ही रहने दें और पूरा करने के लिए {retry} दबाएँ।</translation>
    </message>
    <message>
      <source>The card was pulled or lost power ({where}): {problem}. It is incomplete and every counter refuses it. Put the SAME card back and press {retry}: the run finishes it.</source>
      <translation>कार्ड निकल गया या बिजली गई ({where}): {problem}। कार्ड अधूरा है और हर काउंटर उसे मना करेगा। वही कार्ड वापस लगाएँ और {retry} दबाएँ: काम पूरा हो जाएगा।</translation>
    </message>
    <message>
      <source>Card number</source>
      <translation>कार्ड संख्या</translation>
    </message>
    <message>
      <source>Chip serial</source>
      <translation>चिप क्रमांक</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>कार्ड</translation>
    </message>
    <message>
      <source>Application</source>
      <translation>आवेदन</translation>
    </message>
    <message>
      <source>Card number, chip serial, service number or name (Ctrl+F)</source>
      <translation>कार्ड नंबर, चिप सीरियल, सर्विस नंबर या नाम (Ctrl+F)</translation>
    </message>
    <message>
      <source>Report the card &amp;lost and block it (Ctrl+Shift+L)</source>
      <translation>कार्ड खोया दर्ज करें और रोकें (&amp;L) (Ctrl+Shift+L)</translation>
    </message>
    <message>
      <source>Order a &amp;duplicate card (Ctrl+Shift+D)</source>
      <translation>डुप्लिकेट कार्ड मँगाएँ (&amp;D) (Ctrl+Shift+D)</translation>
    </message>
    <message>
      <source>Card {number} ({serial}) is blocked as lost: every counter refuses it once the hotlist reaches it. Order the duplicate next (Ctrl+Shift+D).</source>
      <translation>कार्ड {number} ({serial}) खोया हुआ मानकर रोका गया: हॉटलिस्ट पहुँचते ही हर काउंटर इसे मना करेगा। अब डुप्लीकेट मँगाएँ (Ctrl+Shift+D)।</translation>
    </message>
    <message>
      <source>Duplicate ordered for {name}: personalise the new card on the Personalise screen.</source>
      <translation>{name} का डुप्लीकेट मँगाया गया: नया कार्ड 'कार्ड बनाएँ' स्क्रीन पर बनाएँ।</translation>
    </message>
    <message>
      <source>select a card in the list first (Ctrl+F to search)</source>
      <translation>पहले सूची में एक कार्ड चुनें (खोजने के लिए Ctrl+F)</translation>
    </message>
    <message>
      <source>Cessation of FMA (seed 003 §13)</source>
      <translation>एफ.एम.ए. की समाप्ति (seed 003 §13)</translation>
    </message>
    <message>
      <source>Received on</source>
      <translation>प्राप्ति तिथि</translation>
    </message>
    <message>
      <source>No OPD from</source>
      <translation>OPD नहीं, तिथि से</translation>
    </message>
    <message>
      <source>Ceases on</source>
      <translation>समाप्ति तिथि</translation>
    </message>
    <message>
      <source>Record the FMA &amp;application (Ctrl+Shift+A)</source>
      <translation>FMA आवेदन दर्ज करें (&amp;A) (Ctrl+Shift+A)</translation>
    </message>
    <message>
      <source>&amp;Endorse the card in the reader "No OPD" (Ctrl+E)</source>
      <translation>रीडर के कार्ड पर "No OPD" अंकित करें (&amp;E) (Ctrl+E)</translation>
    </message>
    <message>
      <source>Record the &amp;cessation (Ctrl+Shift+C)</source>
      <translation>समाप्ति दर्ज करें (&amp;C) (Ctrl+Shift+C)</translation>
    </message>
    <message>
      <source>Write the cessation on the &amp;card (Ctrl+Shift+K)</source>
      <translation>समाप्ति कार्ड पर लिखें (&amp;K) (Ctrl+Shift+K)</translation>
    </message>
    <message>
      <source>Save the §13 cessation &amp;report: CSV and PDF (Ctrl+Shift+T)</source>
      <translation>§13 समाप्ति रिपोर्ट सहेजें (&amp;R): CSV और PDF (Ctrl+Shift+T)</translation>
    </message>
    <message>
      <source>FMA application received on (YYYY-MM-DD)</source>
      <translation>एफ.एम.ए. आवेदन मिलने की तिथि (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>No OPD from (commencement)</source>
      <translation>ओ.पी.डी. बंद कब से (प्रारंभ)</translation>
    </message>
    <message>
      <source>Reader</source>
      <translation>रीडर</translation>
    </message>
    <message>
      <source>Cessation: why</source>
      <translation>समाप्ति: कारण</translation>
    </message>
    <message>
      <source>Cessation: facility operational on (YYYY-MM-DD)</source>
      <translation>समाप्ति: सुविधा चालू होने की तिथि (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>reading the card</source>
      <translation>कार्ड पढ़ा जा रहा है</translation>
    </message>
    <message>
      <source>writing the card</source>
      <translation>कार्ड पर लिखा जा रहा है</translation>
    </message>
    <message>
      <source>Writing the FMA endorsement</source>
      <translation>एफ.एम.ए. पृष्ठांकन लिखा जा रहा है</translation>
    </message>
    <message>
      <source>Facility operational on</source>
      <translation>सुविधा चालू होने की तिथि</translation>
    </message>
    <message>
      <source>record the cessation first (Ctrl+Shift+C)</source>
      <translation>पहले समाप्ति दर्ज करें (Ctrl+Shift+C)</translation>
    </message>
    <message>
      <source>{day}: the card will read "No OPD – {text}" (seed 003 §8(b), §11)</source>
      <translation>{day}: कार्ड पर लिखा होगा "No OPD – {text}" (seed 003 §8(b), §11)</translation>
    </message>
    <message>
      <source>no application with cards is selected: press F5</source>
      <translation>कार्ड वाला कोई आवेदन नहीं चुना गया: F5 दबाएँ</translation>
    </message>
    <message>
      <source>FMA recorded for {name}: no OPD from {day}. Endorse each card (Ctrl+E).</source>
      <translation>{name} का एफ.एम.ए. दर्ज: {day} से ओ.पी.डी. नहीं। हर कार्ड पर पृष्ठांकन करें (Ctrl+E)।</translation>
    </message>
    <message>
      <source>select an FMA grant in the list first</source>
      <translation>पहले सूची में एक एफ.एम.ए. अनुदान चुनें</translation>
    </message>
    <message>
      <source>Card {number} ({serial}) now shows: {text}</source>
      <translation>कार्ड {number} ({serial}) पर अब लिखा है: {text}</translation>
    </message>
    <message>
      <source>FMA of {name} ceases on {day}; OPD recommences. Write it on each card (Ctrl+Shift+K).</source>
      <translation>{name} का एफ.एम.ए. {day} को समाप्त; ओ.पी.डी. फिर शुरू। इसे हर कार्ड पर लिखें (Ctrl+Shift+K)।</translation>
    </message>
    <message>
      <source>§13 report with {n} rows saved as {csv} and {pdf}</source>
      <translation>§13 रिपोर्ट ({n} पंक्तियाँ) {csv} और {pdf} में सहेजी गई</translation>
    </message>
    <message>
      <source>the card in {reader} is not a personalised ECHS card</source>
      <translation>{reader} में रखा कार्ड बना हुआ ई.सी.एच.एस. कार्ड नहीं है</translation>
    </message>
    <message>
      <source>No OPD</source>
      <translation>OPD नहीं</translation>
    </message>
    <message>
      <source>not endorsed</source>
      <translation>अंकित नहीं</translation>
    </message>
    <message>
      <source>{field}: type one of {allowed}</source>
      <translation>{field}: इनमें से एक लिखें: {allowed}</translation>
    </message>
    <message>
      <source>{field}: type yes or no</source>
      <translation>{field}: हाँ या नहीं लिखें</translation>
    </message>
    <message>
      <source>{field}: type a whole number of rupees, e.g. 28500</source>
      <translation>{field}: पूरे रुपये लिखें, जैसे 28500</translation>
    </message>
    <message>
      <source>{field}: this field is required</source>
      <translation>{field}: यह भरना ज़रूरी है</translation>
    </message>
    <message>
      <source>{field}: type a date as YYYY-MM-DD, e.g. 1965-03-10</source>
      <translation>{field}: तिथि YYYY-MM-DD में लिखें, जैसे 1965-03-10</translation>
    </message>
    <message>
      <source>&amp;Send the OTP by SMS (Ctrl+Shift+S)</source>
      <translation>SMS से OTP भेजें (&amp;S) (Ctrl+Shift+S)</translation>
    </message>
    <message>
      <source>Rese&amp;nd the OTP (Ctrl+Shift+N)</source>
      <translation>OTP दोबारा भेजें (&amp;N) (Ctrl+Shift+N)</translation>
    </message>
    <message>
      <source>Re&amp;issue a locked OTP (verifier, Ctrl+Shift+I)</source>
      <translation>बंद OTP नया जारी करें (&amp;I) (सत्यापक, Ctrl+Shift+I)</translation>
    </message>
    <message>
      <source>Request the OTP: SMS &amp;not received (Ctrl+Shift+F)</source>
      <translation>OTP का अनुरोध: SMS नहीं मिला (&amp;N) (Ctrl+Shift+F)</translation>
    </message>
    <message>
      <source>&amp;Hand over with the OTP (Ctrl+Enter)</source>
      <translation>OTP से कार्ड सौंपें (&amp;H) (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Resume &amp;writing the cards (Ctrl+Shift+W)</source>
      <translation>कार्ड पर लिखना जारी रखें (&amp;W) (Ctrl+Shift+W)</translation>
    </message>
    <message>
      <source>Handover &amp;receipt: PDF and print (Ctrl+Shift+P)</source>
      <translation>सौंपने की रसीद (&amp;R): PDF और प्रिंट (Ctrl+Shift+P)</translation>
    </message>
    <message>
      <source>none</source>
      <translation>कोई नहीं</translation>
    </message>
    <message>
      <source>OTP accepted. Writing the handover onto the card...</source>
      <translation>ओ.टी.पी. सही है। कार्ड पर हैंडओवर लिखा जा रहा है...</translation>
    </message>
    <message>
      <source>written</source>
      <translation>लिखा गया</translation>
    </message>
    <message>
      <source>already showed the handover</source>
      <translation>पर हैंडओवर पहले से दर्ज था</translation>
    </message>
    <message>
      <source>Insert the next card of the family and press Ctrl+Shift+W.</source>
      <translation>परिवार का अगला कार्ड लगाएँ और Ctrl+Shift+W दबाएँ।</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>स्थिति</translation>
    </message>
    <message>
      <source>OTP from the beneficiary</source>
      <translation>लाभार्थी से प्राप्त OTP</translation>
    </message>
    <message>
      <source>Attempts left</source>
      <translation>शेष प्रयास</translation>
    </message>
    <message>
      <source>Cards will be active from</source>
      <translation>कार्ड सक्रिय होंगे</translation>
    </message>
    <message>
      <source>OTP requested (show once)</source>
      <translation>अनुरोधित OTP (केवल एक बार)</translation>
    </message>
    <message>
      <source>no application with personalised cards is selected: personalise first, press F5</source>
      <translation>बने हुए कार्ड वाला कोई आवेदन नहीं चुना गया: पहले कार्ड बनाएँ, फिर F5 दबाएँ</translation>
    </message>
    <message>
      <source>No family is waiting for a handover.</source>
      <translation>कोई परिवार कार्ड लेने की प्रतीक्षा में नहीं है।</translation>
    </message>
    <message>
      <source>writing the handover</source>
      <translation>हैंडओवर लिखना</translation>
    </message>
    <message>
      <source>Handing over</source>
      <translation>कार्ड सौंपे जा रहे हैं</translation>
    </message>
    <message>
      <source>Cards handed over at {at}; cards still to write: {pending}</source>
      <translation>कार्ड {at} पर सौंपे गए; अभी लिखने बाकी कार्ड: {pending}</translation>
    </message>
    <message>
      <source>OTP request recorded for {by}; give it to no one else. Valid until {until}.</source>
      <translation>{by} के लिए ओ.टी.पी. अनुरोध दर्ज; यह किसी और को न दें। {until} तक मान्य।</translation>
    </message>
    <message>
      <source>All cards handed over; active from {at}. Print the handover receipt (Ctrl+Shift+P).</source>
      <translation>सभी कार्ड सौंपे गए; {at} से चालू। हैंडओवर रसीद प्रिंट करें (Ctrl+Shift+P)।</translation>
    </message>
    <message>
      <source>Card {number} ({serial}) {what}. {tail}</source>
      <translation>कार्ड {number} ({serial}) {what}। {tail}</translation>
    </message>
    <message>
      <source>Handover receipt saved as {path}</source>
      <translation>हैंडओवर रसीद {path} में सहेजी गई</translation>
    </message>
    <message>
      <source>OTP not accepted: {message}</source>
      <translation>ओ.टी.पी. स्वीकार नहीं: {message}</translation>
    </message>
    <message>
      <source>{when} (if the OTP is entered now)</source>
      <translation>{when} (अगर ओ.टी.पी. अभी डाला जाए)</translation>
    </message>
    <message>
      <source>Try again after {at}.</source>
      <translation>{at} के बाद फिर कोशिश करें।</translation>
    </message>
    <message>
      <source>{status}; the OTP is valid until {until}.</source>
      <translation>{status}; ओ.टी.पी. {until} तक मान्य है।</translation>
    </message>
    <message>
      <source>&amp;Personalise the card in the reader (Ctrl+P)</source>
      <translation>रीडर के कार्ड का वैयक्तिकरण करें (&amp;P) (Ctrl+P)</translation>
    </message>
    <message>
      <source>&amp;Cancel (Esc)</source>
      <translation>रद्द करें (&amp;C) (Esc)</translation>
    </message>
    <message>
      <source> (an interrupted personalisation was finished)</source>
      <translation> (अधूरा छूटा कार्ड पूरा किया गया)</translation>
    </message>
    <message>
      <source>Application (verified)</source>
      <translation>आवेदन (सत्यापित)</translation>
    </message>
    <message>
      <source>Parent polyclinic</source>
      <translation>मूल पॉलीक्लिनिक</translation>
    </message>
    <message>
      <source>Blood group (optional)</source>
      <translation>रक्त समूह (वैकल्पिक)</translation>
    </message>
    <message>
      <source>Allergies (optional)</source>
      <translation>एलर्जी (वैकल्पिक)</translation>
    </message>
    <message>
      <source>Personalising</source>
      <translation>वैयक्तिकरण हो रहा है</translation>
    </message>
    <message>
      <source>Cancelling at the next file boundary...</source>
      <translation>अगली फ़ाइल की सीमा पर रद्द हो रहा है...</translation>
    </message>
    <message>
      <source>Card {serial} written, read back and verified genuine{finished}.</source>
      <translation>कार्ड {serial} लिखा गया, वापस पढ़ा गया और असली पाया गया{finished}।</translation>
    </message>
    <message>
      <source>Recorded; send the handover OTP next.</source>
      <translation>दर्ज हुआ; अब हैंडओवर ओ.टी.पी. भेजें।</translation>
    </message>
    <message>
      <source>the application is no longer in the store: press F5</source>
      <translation>आवेदन अब स्टोर में नहीं है: F5 दबाएँ</translation>
    </message>
    <message>
      <source>no verified application is selected: verify one first, then press F5</source>
      <translation>कोई सत्यापित आवेदन नहीं चुना गया: पहले सत्यापित करें, फिर F5 दबाएँ</translation>
    </message>
    <message>
      <source>Insert a blank card in {reader}</source>
      <translation>{reader} में खाली कार्ड लगाएँ</translation>
    </message>
    <message>
      <source>Blood group</source>
      <translation>रक्त समूह</translation>
    </message>
    <message>
      <source>Writing {file}</source>
      <translation>{file} लिखा जा रहा है</translation>
    </message>
    <message>
      <source>Insert add-on card {n} of {m} and personalise again.</source>
      <translation>ऐड-ऑन कार्ड {n} / {m} लगाएँ और फिर से कार्ड बनाएँ।</translation>
    </message>
    <message>
      <source>Recording it failed: {problem}</source>
      <translation>दर्ज नहीं हो सका: {problem}</translation>
    </message>
    <message>
      <source>Application form (duly completed).</source>
      <translation>आवेदन पत्र (पूरा भरा हुआ)।</translation>
    </message>
    <message>
      <source>Photographs pasted at appropriate places.</source>
      <translation>फोटो सही जगह पर चिपके हुए।</translation>
    </message>
    <message>
      <source>Affidavit in original (duly attested).</source>
      <translation>मूल शपथ पत्र (विधिवत सत्यापित)।</translation>
    </message>
    <message>
      <source>Copy of MRO (where applicable).</source>
      <translation>एम.आर.ओ. की प्रति (जहाँ लागू हो)।</translation>
    </message>
    <message>
      <source>Photocopy of PPO duly attested by bankers/treasury (where applicable).</source>
      <translation>बैंक/कोषागार से सत्यापित पी.पी.ओ. की फोटोकॉपी (जहाँ लागू हो)।</translation>
    </message>
    <message>
      <source>Photocopy of Service/Discharge Book/proof of dependants.</source>
      <translation>सर्विस/डिस्चार्ज बुक/आश्रितों के प्रमाण की फोटोकॉपी।</translation>
    </message>
    <message>
      <source>Demand draft (for Smart Cards).</source>
      <translation>डिमांड ड्राफ्ट (स्मार्ट कार्ड के लिए)।</translation>
    </message>
    <message>
      <source>Private</source>
      <translation>प्राइवेट</translation>
    </message>
    <message>
      <source>Semi-Private</source>
      <translation>सेमी-प्राइवेट</translation>
    </message>
    <message>
      <source>General</source>
      <translation>जनरल</translation>
    </message>
    <message>
      <source>Receipt of documents</source>
      <translation>दस्तावेज़ों की रसीद</translation>
    </message>
    <message>
      <source>Handover receipt</source>
      <translation>सौंपने की रसीद</translation>
    </message>
    <message>
      <source>No Smart Card will be issued if this receipt in original is not produced.</source>
      <translation>यह मूल रसीद दिखाए बिना कोई स्मार्ट कार्ड नहीं दिया जाएगा।</translation>
    </message>
    <message>
      <source>Until the activation time the temporary slip stays valid; the cards work from that time.</source>
      <translation>चालू होने के समय तक अस्थायी पर्ची मान्य रहती है; उसके बाद कार्ड काम करते हैं।</translation>
    </message>
    <message>
      <source>no application has the key {key}: press F5 and pick it again</source>
      <translation>{key} वाला कोई आवेदन नहीं: F5 दबाएँ और फिर से चुनें</translation>
    </message>
    <message>
      <source>application {key} has not been handed over: enter the beneficiary's OTP first</source>
      <translation>आवेदन {key} अभी सौंपा नहीं गया: पहले लाभार्थी का ओ.टी.पी. डालें</translation>
    </message>
    <message>
      <source>the PDF {path} was not written: check the folder is writable</source>
      <translation>पी.डी.एफ. {path} नहीं लिखी गई: जाँचें कि फ़ोल्डर में लिखने की अनुमति है</translation>
    </message>
    <message>
      <source>This original receipt is required to be returned at the time of collection of Smart Card(s).</source>
      <translation>स्मार्ट कार्ड लेते समय यह मूल रसीद लौटानी होगी।</translation>
    </message>
    <message>
      <source>Cards handed over</source>
      <translation>कार्ड सौंप दिए गए</translation>
    </message>
    <message>
      <source>Handed over at</source>
      <translation>सौंपने का समय</translation>
    </message>
    <message>
      <source>Cards active from</source>
      <translation>कार्ड सक्रिय होंगे</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>ऑपरेटर</translation>
    </message>
    <message>
      <source>Handover receipt: ECHS smart cards</source>
      <translation>हैंडओवर रसीद: ई.सी.एच.एस. स्मार्ट कार्ड</translation>
    </message>
    <message>
      <source>Cards handed over to No {number} Rank {rank} Name {name} against the SMS OTP.</source>
      <translation>एस.एम.एस. ओ.टी.पी. पर कार्ड सौंपे गए: नं. {number} रैंक {rank} नाम {name}।</translation>
    </message>
    <message>
      <source>Category for Hospitalisation</source>
      <translation>अस्पताल में भर्ती की श्रेणी</translation>
    </message>
    <message>
      <source>Smart cards applied for</source>
      <translation>आवेदित स्मार्ट कार्ड</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>स्थान</translation>
    </message>
    <message>
      <source>(Signature and Stamp of Officer)</source>
      <translation>(अधिकारी के हस्ताक्षर और मुहर)</translation>
    </message>
    <message>
      <source>(Adm Comdt/SSO/Officer Stn HQ/Record Officer)</source>
      <translation>(Adm Comdt/SSO/Officer Stn HQ/Record Officer)</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>टिप्पणी</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>तिथि</translation>
    </message>
    <message>
      <source>Received following documents from No {number} Rank {rank} Name {name} towards application for membership of Ex-Servicemen Contributory Health Scheme (ECHS):</source>
      <translation>नं. {number} रैंक {rank} नाम {name} से भूतपूर्व सैनिक अंशदायी स्वास्थ्य योजना (ई.सी.एच.एस.) की सदस्यता के आवेदन हेतु निम्न दस्तावेज़ प्राप्त हुए:</translation>
    </message>
    <message>
      <source>card present</source>
      <translation>कार्ड मौजूद</translation>
    </message>
    <message>
      <source>empty</source>
      <translation>खाली</translation>
    </message>
    <message>
      <source>no reader is chosen: connect a reader and pick it (Alt+R in the status bar)</source>
      <translation>कोई रीडर नहीं चुना गया: रीडर लगाएँ और चुनें (स्टेटस बार में Alt+R)</translation>
    </message>
    <message>
      <source>Counter: read card, issue token</source>
      <translation>काउंटर: कार्ड पढ़ें, टोकन दें</translation>
    </message>
    <message>
      <source>&amp;Issue token (Enter)</source>
      <translation>टोकन दें (&amp;I, Enter)</translation>
    </message>
    <message>
      <source>IPD referral token (Ctrl+I)</source>
      <translation>आईपीडी रेफ़रल टोकन (Ctrl+I)</translation>
    </message>
    <message>
      <source>Reading the card...</source>
      <translation>कार्ड पढ़ा जा रहा है...</translation>
    </message>
    <message>
      <source>Insert a card</source>
      <translation>कार्ड डालें</translation>
    </message>
    <message>
      <source>Reading the card</source>
      <translation>कार्ड पढ़ा जा रहा है</translation>
    </message>
    <message>
      <source>Card not read: {why}</source>
      <translation>कार्ड नहीं पढ़ा जा सका: {why}</translation>
    </message>
    <message>
      <source>Card {number}</source>
      <translation>कार्ड {number}</translation>
    </message>
    <message>
      <source>No token: the card is refused ({why}).</source>
      <translation>टोकन नहीं: कार्ड अस्वीकृत है ({why})।</translation>
    </message>
    <message>
      <source>No token: {name} is not eligible today.</source>
      <translation>टोकन नहीं: {name} आज पात्र नहीं हैं।</translation>
    </message>
    <message>
      <source>OPD</source>
      <translation>ओपीडी</translation>
    </message>
    <message>
      <source>IPD referral</source>
      <translation>आईपीडी रेफ़रल</translation>
    </message>
    <message>
      <source>This station issues no tokens: start it with the polyclinic it serves (--polyclinic).</source>
      <translation>यह स्टेशन टोकन नहीं देता: इसे उस पॉलीक्लिनिक के साथ शुरू करें जिसकी यह सेवा करता है (--polyclinic)।</translation>
    </message>
    <message>
      <source>Token {number} ({care}): {name}</source>
      <translation>टोकन {number} ({care}): {name}</translation>
    </message>
    <message>
      <source>No token for {name}: no care is allowed today.</source>
      <translation>{name} के लिए टोकन नहीं: आज कोई उपचार अनुमत नहीं है।</translation>
    </message>
    <message>
      <source>No token for {name}: {reason}</source>
      <translation>{name} के लिए टोकन नहीं: {reason}</translation>
    </message>
    <message>
      <source>ACTIVE: GENUINE CARD</source>
      <translation>सक्रिय: असली कार्ड</translation>
    </message>
    <message>
      <source>BLANK CARD</source>
      <translation>खाली कार्ड</translation>
    </message>
    <message>
      <source>INCOMPLETE CARD</source>
      <translation>अधूरा कार्ड</translation>
    </message>
    <message>
      <source>NOT AN ECHS CARD</source>
      <translation>ईसीएचएस कार्ड नहीं</translation>
    </message>
    <message>
      <source>TERMINATED CARD</source>
      <translation>समाप्त कार्ड</translation>
    </message>
    <message>
      <source>NOT GENUINE</source>
      <translation>असली नहीं</translation>
    </message>
    <message>
      <source>CARD BLOCKED</source>
      <translation>कार्ड अवरुद्ध</translation>
    </message>
    <message>
      <source>NOT YET HANDED OVER</source>
      <translation>अभी सौंपा नहीं गया</translation>
    </message>
    <message>
      <source>NOT YET ACTIVE</source>
      <translation>अभी सक्रिय नहीं</translation>
    </message>
    <message>
      <source>Eligible today</source>
      <translation>आज पात्र</translation>
    </message>
    <message>
      <source>NOT eligible today</source>
      <translation>आज पात्र नहीं</translation>
    </message>
    <message>
      <source>OPD allowed</source>
      <translation>ओपीडी अनुमत</translation>
    </message>
    <message>
      <source>Issuing run</source>
      <translation>कार्ड जारी करने का रन</translation>
    </message>
    <message>
      <source>Waiting for a card</source>
      <translation>कार्ड की प्रतीक्षा</translation>
    </message>
    <message>
      <source>Being written</source>
      <translation>लिखा जा रहा है</translation>
    </message>
    <message>
      <source>Interrupted: put its card back</source>
      <translation>बाधित: उसका कार्ड वापस लगाएँ</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>पूर्ण</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>विफल</translation>
    </message>
    <message>
      <source>Chip</source>
      <translation>चिप</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>विवरण</translation>
    </message>
    <message>
      <source>Next step</source>
      <translation>अगला कदम</translation>
    </message>
    <message>
      <source>&amp;Verified applications in the store</source>
      <translation>स्टोर के सत्यापित आवेदन (&amp;V)</translation>
    </message>
    <message>
      <source>An applications &amp;folder</source>
      <translation>आवेदनों का फ़ोल्डर (&amp;F)</translation>
    </message>
    <message>
      <source>Folder of the application files:</source>
      <translation>आवेदन फ़ाइलों का फ़ोल्डर:</translation>
    </message>
    <message>
      <source>Choose folder… (Ctrl+O)</source>
      <translation>फ़ोल्डर चुनें… (Ctrl+O)</translation>
    </message>
    <message>
      <source>Run &amp;name:</source>
      <translation>रन का नाम (&amp;N):</translation>
    </message>
    <message>
      <source>default: the folder's name, or verified- and the time</source>
      <translation>डिफ़ॉल्ट: फ़ोल्डर का नाम, या verified- और समय</translation>
    </message>
    <message>
      <source>Readers</source>
      <translation>रीडर</translation>
    </message>
    <message>
      <source>Card faces</source>
      <translation>कार्ड का मुखपृष्ठ</translation>
    </message>
    <message>
      <source>PDF files in &amp;this folder</source>
      <translation>इस फ़ोल्डर में PDF फ़ाइलें (&amp;T)</translation>
    </message>
    <message>
      <source>default: the data folder's faces/&lt;run&gt;</source>
      <translation>डिफ़ॉल्ट: डेटा फ़ोल्डर का faces/&lt;run&gt;</translation>
    </message>
    <message>
      <source>Choose faces folder… (Ctrl+D)</source>
      <translation>मुखपृष्ठ फ़ोल्डर चुनें… (Ctrl+D)</translation>
    </message>
    <message>
      <source>A p&amp;rinter</source>
      <translation>प्रिंटर (&amp;R)</translation>
    </message>
    <message>
      <source>Choose printer… (Ctrl+P)</source>
      <translation>प्रिंटर चुनें… (Ctrl+P)</translation>
    </message>
    <message>
      <source>&amp;Start run (Ctrl+R)</source>
      <translation>रन शुरू करें (&amp;S) (Ctrl+R)</translation>
    </message>
    <message>
      <source>S&amp;top (Ctrl+T)</source>
      <translation>रोकें (&amp;T) (Ctrl+T)</translation>
    </message>
    <message>
      <source>Unfinished run&amp;s:</source>
      <translation>अधूरे रन (&amp;S):</translation>
    </message>
    <message>
      <source>Res&amp;ume (Ctrl+U)</source>
      <translation>फिर शुरू करें (&amp;U) (Ctrl+U)</translation>
    </message>
    <message>
      <source>Retry f&amp;ailed (Ctrl+Shift+R)</source>
      <translation>विफल फिर से आज़माएँ (&amp;A) (Ctrl+Shift+R)</translation>
    </message>
    <message>
      <source>&amp;Applications of the run:</source>
      <translation>रन के आवेदन (&amp;A):</translation>
    </message>
    <message>
      <source>Cards refused without being written:</source>
      <translation>बिना लिखे अस्वीकृत कार्ड:</translation>
    </message>
    <message>
      <source>Folder of the application files</source>
      <translation>आवेदन फ़ाइलों का फ़ोल्डर</translation>
    </message>
    <message>
      <source>Folder for the card face PDFs</source>
      <translation>कार्ड मुखपृष्ठ PDF के लिए फ़ोल्डर</translation>
    </message>
    <message>
      <source>Printer for the card faces</source>
      <translation>कार्ड मुखपृष्ठ के लिए प्रिंटर</translation>
    </message>
    <message>
      <source>Stopping after the cards in hand; resume the run to go on</source>
      <translation>हाथ के कार्डों के बाद रुक रहा है; आगे बढ़ने के लिए रन फिर शुरू करें</translation>
    </message>
    <message>
      <source>no printer chosen</source>
      <translation>कोई प्रिंटर नहीं चुना गया</translation>
    </message>
    <message>
      <source>The print dialog named no installed printer: choose a card printer, or send the faces to PDF files</source>
      <translation>प्रिंट डायलॉग ने कोई स्थापित प्रिंटर नहीं बताया: कार्ड प्रिंटर चुनें, या मुखपृष्ठ PDF फ़ाइलों में भेजें</translation>
    </message>
    <message>
      <source>No unfinished run to resume: start a run</source>
      <translation>फिर शुरू करने के लिए कोई अधूरा रन नहीं: नया रन शुरू करें</translation>
    </message>
    <message>
      <source>Choose at least one reader for the run</source>
      <translation>रन के लिए कम से कम एक रीडर चुनें</translation>
    </message>
    <message>
      <source>Choose a printer first (Ctrl+P), or send the faces to PDF files</source>
      <translation>पहले प्रिंटर चुनें (Ctrl+P), या मुखपृष्ठ PDF फ़ाइलों में भेजें</translation>
    </message>
    <message>
      <source>Run complete: every application issued</source>
      <translation>रन पूर्ण: हर आवेदन का कार्ड जारी हुआ</translation>
    </message>
    <message>
      <source>No run started</source>
      <translation>कोई रन शुरू नहीं हुआ</translation>
    </message>
    <message>
      <source>{count} failed application(s) queued again</source>
      <translation>{count} विफल आवेदन फिर से कतार में</translation>
    </message>
    <message>
      <source>{reader}, chip {chip}: {reason}</source>
      <translation>{reader}, चिप {chip}: {reason}</translation>
    </message>
    <message>
      <source>Run ended: {failed} failed; they are tried again only when you ask (Ctrl+Shift+R)</source>
      <translation>रन समाप्त: {failed} विफल; वे केवल आपके कहने पर फिर आज़माए जाते हैं (Ctrl+Shift+R)</translation>
    </message>
    <message>
      <source>Run stopped: {remaining} application(s) remaining; resume it to go on (Ctrl+U)</source>
      <translation>रन रुका: {remaining} आवेदन शेष; आगे बढ़ने के लिए फिर शुरू करें (Ctrl+U)</translation>
    </message>
    <message>
      <source>Idle</source>
      <translation>निष्क्रिय</translation>
    </message>
    <message>
      <source>Stopping after the card in hand</source>
      <translation>हाथ के कार्ड के बाद रुक रहा है</translation>
    </message>
    <message>
      <source>Waiting for a blank card</source>
      <translation>खाली कार्ड की प्रतीक्षा</translation>
    </message>
    <message>
      <source>Writing</source>
      <translation>लिखा जा रहा है</translation>
    </message>
    <message>
      <source>Verifying</source>
      <translation>सत्यापन हो रहा है</translation>
    </message>
    <message>
      <source>Printing face</source>
      <translation>मुखपृष्ठ छप रहा है</translation>
    </message>
    <message>
      <source>Interrupted</source>
      <translation>बाधित</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>अस्वीकृत</translation>
    </message>
    <message>
      <source>Reader gone</source>
      <translation>रीडर हट गया</translation>
    </message>
    <message>
      <source>Finished</source>
      <translation>समाप्त</translation>
    </message>
    <message>
      <source>Take the card out: to the issued cards</source>
      <translation>कार्ड निकालें: जारी कार्डों में रखें</translation>
    </message>
    <message>
      <source>Take the card out: put it aside with the run's report</source>
      <translation>कार्ड निकालें: रन की रिपोर्ट के साथ अलग रखें</translation>
    </message>
    <message>
      <source>Take the card out: refused without being written, put it aside</source>
      <translation>कार्ड निकालें: बिना लिखे अस्वीकृत, अलग रखें</translation>
    </message>
    <message>
      <source>Take the card out: still blank, back to the blank stock</source>
      <translation>कार्ड निकालें: अभी भी खाली, खाली स्टॉक में वापस रखें</translation>
    </message>
    <message>
      <source>Keep the card for this run</source>
      <translation>कार्ड इस रन के लिए रखें</translation>
    </message>
    <message>
      <source>Insert a blank card</source>
      <translation>खाली कार्ड लगाएँ</translation>
    </message>
    <message>
      <source>Insert a blank card, or the interrupted card with chip {chips}</source>
      <translation>खाली कार्ड लगाएँ, या चिप {chips} वाला बाधित कार्ड</translation>
    </message>
    <message>
      <source>Done {done} · Failed {failed} · Remaining {remaining} · Refused {refused} · {rate} cards/min</source>
      <translation>पूर्ण {done} · विफल {failed} · शेष {remaining} · अस्वीकृत {refused} · {rate} कार्ड/मिनट</translation>
    </message>
    <message>
      <source>OTP</source>
      <translation>ओ0टी0पी0</translation>
    </message>
    <message>
      <source>Release the form with the OTP</source>
      <translation>ओ0टी0पी0 से फॉर्म खोलें</translation>
    </message>
    <message>
      <source>The card could not be written ({problem}). Nothing was recorded as printed: check the printer or the data folder (space, permissions), then print again.</source>
      <translation>कार्ड नहीं लिखा जा सका ({problem})। प्रिंट दर्ज नहीं हुआ: प्रिंटर या डेटा फ़ोल्डर (जगह, अनुमति) जाँचें, फिर दोबारा प्रिंट करें।</translation>
    </message>
    <message>
      <source>Form saved to {path}: print it, sign it and hand it in</source>
      <translation>फॉर्म {path} में सहेजा गया: प्रिंट करें, हस्ताक्षर करें और जमा करें</translation>
    </message>
    <message>
      <source>DDO/TO Verification</source>
      <translation>डी0डी0ओ0/टी0ओ0 सत्यापन</translation>
    </message>
    <message>
      <source>Verify</source>
      <translation>सत्यापित करें</translation>
    </message>
    <message>
      <source>Registration</source>
      <translation>पंजीकरण</translation>
    </message>
    <message>
      <source>Beneficiary</source>
      <translation>लाभार्थी</translation>
    </message>
    <message>
      <source>Family</source>
      <translation>परिवार</translation>
    </message>
    <message>
      <source>Select a form first</source>
      <translation>पहले एक फॉर्म चुनें</translation>
    </message>
    <message>
      <source>Verified; user ID {user_id} sent by SMS</source>
      <translation>सत्यापित; यूजर आई0डी0 {user_id} एस0एम0एस0 से भेजा गया</translation>
    </message>
    <message>
      <source>Employee/Pensioner Registration</source>
      <translation>कर्मचारी/पेंशनर पंजीकरण</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>पुरुष</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>महिला</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>अन्य</translation>
    </message>
    <message>
      <source>DDO/TO code</source>
      <translation>डी0डी0ओ0/टी0ओ0 कोड</translation>
    </message>
    <message>
      <source>Designation</source>
      <translation>पदनाम</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>विभाग</translation>
    </message>
    <message>
      <source>District</source>
      <translation>जनपद</translation>
    </message>
    <message>
      <source>Registered mobile</source>
      <translation>पंजीकृत मोबाइल</translation>
    </message>
    <message>
      <source>Add family member</source>
      <translation>सदस्य जोड़ें</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>जमा करें</translation>
    </message>
    <message>
      <source>Aadhaar number</source>
      <translation>आधार संख्या</translation>
    </message>
    <message>
      <source>Choose photo</source>
      <translation>फोटो चुनें</translation>
    </message>
    <message>
      <source>Print the form (PDF)</source>
      <translation>फॉर्म प्रिंट (PDF)</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>फोटो</translation>
    </message>
    <message>
      <source>DOB</source>
      <translation>जन्म तिथि</translation>
    </message>
    <message>
      <source>Aadhaar</source>
      <translation>आधार</translation>
    </message>
    <message>
      <source>{name} added ({aadhaar})</source>
      <translation>{name} जोड़ा गया ({aadhaar})</translation>
    </message>
    <message>
      <source>DDO/TO Registration Form</source>
      <translation>डी0डी0ओ0/टी0ओ0 पंजीकरण फॉर्म</translation>
    </message>
    <message>
      <source>Signature, and verification by the controlling officer</source>
      <translation>हस्ताक्षर एवं नियंत्रक अधिकारी द्वारा सत्यापन</translation>
    </message>
    <message>
      <source>Employee/Pensioner Registration Form</source>
      <translation>राज्य कर्मचारी/पेंशनर पंजीकरण फॉर्म</translation>
    </message>
    <message>
      <source>Signature; give the form to your DDO/TO</source>
      <translation>हस्ताक्षर; फॉर्म अपने डी0डी0ओ0/टी0ओ0 को दें</translation>
    </message>
    <message>
      <source>Controlling officer</source>
      <translation>नियंत्रक अधिकारी</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>मोबाइल</translation>
    </message>
    <message>
      <source>Office</source>
      <translation>कार्यालय</translation>
    </message>
    <message>
      <source>DDO/TO Registration</source>
      <translation>डी0डी0ओ0/टी0ओ0 पंजीकरण</translation>
    </message>
    <message>
      <source>CUG mobile</source>
      <translation>सी0यू0जी0 मोबाइल</translation>
    </message>
    <message>
      <source>Personal mobile</source>
      <translation>व्यक्तिगत मोबाइल</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>ई-मेल</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>पता</translation>
    </message>
    <message>
      <source>Add Office</source>
      <translation>कार्यालय जोड़ें</translation>
    </message>
    <message>
      <source>Print/download the form (PDF)</source>
      <translation>फॉर्म प्रिंट/डाउनलोड (PDF)</translation>
    </message>
    <message>
      <source>Office added</source>
      <translation>कार्यालय जोड़ा गया</translation>
    </message>
    <message>
      <source>Form of {code} submitted; add the office</source>
      <translation>{code} का फॉर्म जमा; अब कार्यालय जोड़ें</translation>
    </message>
    <message>
      <source>Print your own health card</source>
      <translation>हेल्थ कार्ड स्वयं प्रिंट करें</translation>
    </message>
    <message>
      <source>User ID</source>
      <translation>यूजर आई0डी0</translation>
    </message>
    <message>
      <source>Log in</source>
      <translation>लॉग-इन</translation>
    </message>
    <message>
      <source>Print my health card (PDF)</source>
      <translation>मेरा हेल्थ कार्ड प्रिंट करें (PDF)</translation>
    </message>
    <message>
      <source>Your card is ready to print: {path}</source>
      <translation>आपका कार्ड प्रिंट हेतु तैयार: {path}</translation>
    </message>
    <message>
      <source>State cell: verification and card printing</source>
      <translation>राज्य स्तरीय प्रकोष्ठ: सत्यापन एवं कार्ड प्रिंट</translation>
    </message>
    <message>
      <source>Print the health card (PDF)</source>
      <translation>हेल्थ कार्ड प्रिंट करें (PDF)</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>कोड</translation>
    </message>
    <message>
      <source>Select a DDO/TO first</source>
      <translation>पहले एक डी0डी0ओ0/टी0ओ0 चुनें</translation>
    </message>
    <message>
      <source>{code} verified; user ID and password sent by SMS</source>
      <translation>{code} सत्यापित; यूजर आई0डी0 एवं पासवर्ड एस0एम0एस0 से भेजे गए</translation>
    </message>
    <message>
      <source>Card of {user_id} ready to print: {path}</source>
      <translation>{user_id} का कार्ड प्रिंट हेतु तैयार: {path}</translation>
    </message>
    <message>
      <source>Unknown username or wrong password.</source>
      <translation>अज्ञात उपयोगकर्ता नाम या गलत पासवर्ड।</translation>
    </message>
    <message>
      <source>The account is locked after repeated failures; try later or ask an administrator.</source>
      <translation>बार-बार विफल प्रयासों के बाद खाता लॉक है; बाद में प्रयास करें या प्रशासक से पूछें।</translation>
    </message>
    <message>
      <source>The account is deactivated; ask an administrator.</source>
      <translation>खाता निष्क्रिय है; प्रशासक से पूछें।</translation>
    </message>
    <message>
      <source>Card Station: log in</source>
      <translation>कार्ड स्टेशन: लॉग इन</translation>
    </message>
    <message>
      <source>&amp;Username</source>
      <translation>उपयोगकर्ता नाम (&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Password</source>
      <translation>पासवर्ड (&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>भाषा (&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Log in</source>
      <translation>लॉग इन करें (&amp;L)</translation>
    </message>
    <message>
      <source>Enter your username and password.</source>
      <translation>अपना उपयोगकर्ता नाम और पासवर्ड दर्ज करें।</translation>
    </message>
    <message>
      <source>Card Station</source>
      <translation>कार्ड स्टेशन</translation>
    </message>
    <message>
      <source>Log in with your operator account.</source>
      <translation>अपने ऑपरेटर खाते से लॉग इन करें।</translation>
    </message>
    <message>
      <source>&amp;Session</source>
      <translation>सत्र (&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Log out</source>
      <translation>लॉग आउट (&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>बंद करें (&amp;Q)</translation>
    </message>
    <message>
      <source>L&amp;anguage</source>
      <translation>भाषा (&amp;A)</translation>
    </message>
    <message>
      <source>Card Station: {name}</source>
      <translation>कार्ड स्टेशन: {name}</translation>
    </message>
    <message>
      <source>There is no screen for your role ({role}) at this station. Log out with Ctrl+L.</source>
      <translation>इस स्टेशन पर आपकी भूमिका ({role}) के लिए कोई स्क्रीन नहीं है। Ctrl+L से लॉग आउट करें।</translation>
    </message>
    <message>
      <source>Close (Esc)</source>
      <translation>बंद करें (Esc)</translation>
    </message>
    <message>
      <source>Sync: up to date</source>
      <translation>सिंक: अद्यतन</translation>
    </message>
    <message>
      <source>PC/SC service not reachable</source>
      <translation>PC/SC सेवा उपलब्ध नहीं</translation>
    </message>
    <message>
      <source>No reader connected</source>
      <translation>कोई रीडर जुड़ा नहीं</translation>
    </message>
    <message>
      <source>Card present</source>
      <translation>कार्ड मौजूद</translation>
    </message>
    <message>
      <source>No card</source>
      <translation>कार्ड नहीं</translation>
    </message>
    <message>
      <source>Reader ({key}):</source>
      <translation>रीडर ({key}):</translation>
    </message>
    <message>
      <source>Operator: {name} ({role})</source>
      <translation>ऑपरेटर: {name} ({role})</translation>
    </message>
    <message>
      <source>Sync: {n} changes waiting</source>
      <translation>सिंक: {n} बदलाव प्रतीक्षा में</translation>
    </message>
    <message>
      <source>Self-test</source>
      <translation>स्व-परीक्षण</translation>
    </message>
    <message>
      <source>Export &amp;JSON</source>
      <translation>JSON निर्यात करें (&amp;J)</translation>
    </message>
    <message>
      <source>Export &amp;PDF</source>
      <translation>PDF निर्यात करें (&amp;P)</translation>
    </message>
    <message>
      <source>Running the self-test...</source>
      <translation>स्व-परीक्षण चल रहा है...</translation>
    </message>
    <message>
      <source>Save the self-test report</source>
      <translation>स्व-परीक्षण रिपोर्ट सहेजें</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>परिणाम</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>जाँच</translation>
    </message>
    <message>
      <source>What was found</source>
      <translation>क्या पाया गया</translation>
    </message>
    <message>
      <source>Insert a BLANK test card for the write/read check, then run the self-test.</source>
      <translation>लिखने/पढ़ने की जाँच के लिए एक खाली परीक्षण कार्ड डालें, फिर स्व-परीक्षण चलाएँ।</translation>
    </message>
    <message>
      <source>No check failed.</source>
      <translation>कोई जाँच विफल नहीं हुई।</translation>
    </message>
    <message>
      <source>FAILED: see the checks marked ✘.</source>
      <translation>विफल: ✘ चिह्नित जाँचें देखें।</translation>
    </message>
    <message>
      <source>&amp;Run self-test ({key})</source>
      <translation>स्व-परीक्षण चलाएँ (&amp;R, {key})</translation>
    </message>
    <message>
      <source>Report saved: {path}</source>
      <translation>रिपोर्ट सहेजी गई: {path}</translation>
    </message>
    <message>
      <source>card issuing clerk</source>
      <translation>कार्ड जारी करने वाले लिपिक</translation>
    </message>
    <message>
      <source>verifier (DDO / Record Office check)</source>
      <translation>सत्यापनकर्ता (डीडीओ / अभिलेख कार्यालय जाँच)</translation>
    </message>
    <message>
      <source>token counter operator</source>
      <translation>टोकन काउंटर ऑपरेटर</translation>
    </message>
    <message>
      <source>technician</source>
      <translation>तकनीशियन</translation>
    </message>
    <message>
      <source>administrator</source>
      <translation>प्रशासक</translation>
    </message>
    <message>
      <source>SECTS district coordinator (registration desk)</source>
      <translation>SECTS ज़िला समन्वयक (पंजीकरण डेस्क)</translation>
    </message>
    <message>
      <source>SECTS DDO/TO (drawing and disbursing or treasury officer)</source>
      <translation>SECTS डीडीओ/टीओ (आहरण-वितरण या कोषागार अधिकारी)</translation>
    </message>
    <message>
      <source>SECTS state cell (राज्य स्तरीय प्रकोष्ठ)</source>
      <translation>SECTS राज्य स्तरीय प्रकोष्ठ</translation>
    </message>
    <message>
      <source>SECTS employee or pensioner (self-print)</source>
      <translation>SECTS कर्मचारी या पेंशनभोगी (स्वयं प्रिंट)</translation>
    </message>
    <message>
      <source>Spouse</source>
      <translation>पति/पत्नी</translation>
    </message>
    <message>
      <source>Son</source>
      <translation>पुत्र</translation>
    </message>
    <message>
      <source>Daughter</source>
      <translation>पुत्री</translation>
    </message>
    <message>
      <source>Father</source>
      <translation>पिता</translation>
    </message>
    <message>
      <source>Mother</source>
      <translation>माता</translation>
    </message>
    <message>
      <source>Father-in-law</source>
      <translation>ससुर</translation>
    </message>
    <message>
      <source>Mother-in-law</source>
      <translation>सास</translation>
    </message>
    <message>
      <source>Grandparent</source>
      <translation>दादा-दादी / नाना-नानी</translation>
    </message>
    <message>
      <source>Grandchild</source>
      <translation>पोता-पोती / नाती-नातिन</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>सदस्य</translation>
    </message>
    <message>
      <source>OPD Treatment Not Allowed</source>
      <translation>ओपीडी उपचार अनुमत नहीं</translation>
    </message>
    <message>
      <source>PC/SC service</source>
      <translation>PC/SC सेवा</translation>
    </message>
    <message>
      <source>Readers and cards</source>
      <translation>रीडर और कार्ड</translation>
    </message>
    <message>
      <source>Write/read round trip on a test card</source>
      <translation>परीक्षण कार्ड पर लिखना/पढ़ना</translation>
    </message>
    <message>
      <source>Crypto known-answer tests</source>
      <translation>क्रिप्टो ज्ञात-उत्तर परीक्षण</translation>
    </message>
    <message>
      <source>Database integrity and migration version</source>
      <translation>डेटाबेस अखंडता और माइग्रेशन संस्करण</translation>
    </message>
    <message>
      <source>Central service reachable</source>
      <translation>केंद्रीय सेवा उपलब्ध</translation>
    </message>
    <message>
      <source>Free disk</source>
      <translation>खाली डिस्क</translation>
    </message>
    <message>
      <source>Clock (IST)</source>
      <translation>घड़ी (IST)</translation>
    </message>
    <message>
      <source>PASS</source>
      <translation>सफल</translation>
    </message>
    <message>
      <source>WARN</source>
      <translation>चेतावनी</translation>
    </message>
    <message>
      <source>FAIL</source>
      <translation>विफल</translation>
    </message>
    <message>
      <source>SKIPPED</source>
      <translation>छोड़ा गया</translation>
    </message>
    <message>
      <source>&amp;Reader:</source>
      <translation type="obsolete">&amp;रीडर:</translation>
    </message>
    <message>
      <source>&amp;Run self-test</source>
      <translation type="obsolete">स्व-परीक्षण &amp;चलाएँ</translation>
    </message>
  </context>
</TS>
