# Arabic: "25 فبراير 2027، 17:00". Django has no DATETIME_FORMAT for Arabic, so the
# English "N j, Y, P" was used ("فبراير 25, 2027, 5 م"): day before month, Arabic comma,
# 24 hours. Latin digits (reason in cms/formats/__init__.py). The short date has no
# RLM marks: "25/02/2027" reads in the same order as on a German letter.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y، H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DATETIME_RANGE_SAME_DAY = "{date}، {start}–{end}"
DATETIME_RANGE = "{start} – {end}"
# Lists ("Language, Education") take the Arabic comma.
LIST_SEPARATOR = "، "
