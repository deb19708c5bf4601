# English as read in Germany (British order, 24 hours): "25 February 2027, 17:00".
# Django's own "Feb. 25, 2027, 5 p.m." is American and confusing next to German letters.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DATETIME_RANGE_SAME_DAY = "{date}, {start}–{end}"
DATETIME_RANGE = "{start} – {end}"
