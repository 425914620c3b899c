import sys

from card_station.cli import main

sys.exit(main())
