"""Typed placeholders that replace personal data in scrubbed text.

They are plain ASCII in square brackets so that a scrubbed text stays readable, can be scrubbed
again without change, and never contains digits or capitalised words that a rule could match.
"""

PHONE = "[telefoon]"
EMAIL = "[e-mail]"
POSTCODE = "[postcode]"
ADDRESS = "[adres]"
BSN = "[bsn]"
NUMBER = "[nummer]"
IBAN = "[iban]"
DATE = "[datum]"
URL = "[url]"
IP = "[ip]"
NAME = "[naam]"
PLACE = "[plaats]"

#: Used when a text could not be scrubbed at all: we fail closed and withhold everything.
WITHHELD = "[tekst weggelaten]"

ALL = (PHONE, EMAIL, POSTCODE, ADDRESS, BSN, NUMBER, IBAN, DATE, URL, IP, NAME, PLACE, WITHHELD)
