# Farsi: "25 فوریه 2027، ساعت 17:00"; ranges "… ساعت 17:00 تا 19:00". Gregorian months
# (the dates of German offices), 24 hours, Latin digits (reason in cms/formats/__init__.py).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، ساعت H:i"
SHORT_DATE_FORMAT = "Y/m/d"
SHORT_DATETIME_FORMAT = "Y/m/d، H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DATETIME_RANGE_SAME_DAY = "{date}، ساعت {start} تا {end}"
DATETIME_RANGE = "{start} تا {end}"
# Lists ("Language, Education") take the Arabic comma.
LIST_SEPARATOR = "، "
