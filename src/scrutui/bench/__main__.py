"""``python -m scrutui.bench``: the whole benchmark."""

import sys

from scrutui.bench.run import main

sys.exit(main())
