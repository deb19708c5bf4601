"""Date and time formats per locale (FORMAT_MODULE_PATH; issue 14, fault 3).

Django looks here first and falls back to its own module for a name not set here.
Two names of our own, read by ``home.templatetags.portal_text.date_range``:
``DATETIME_RANGE_SAME_DAY`` ("{date}", "{start}", "{end}", with {date} before {start})
and ``DATETIME_RANGE`` ("{start}", "{end}").

Times are 24-hour in every language: the portal is for people living in Germany,
where every appointment letter, timetable and opening hour is written that way.

Digits: Latin (0-9) in every language, Arabic and Farsi included. The reader
compares a date on the portal with the letter from the Ausländerbehörde, the bus
timetable or the course certificate, all in Latin digits; the street numbers,
postcodes and phone numbers printed next to it must be Latin anyway (they are
dialled and written on forms), and one page mixing ٢٥ and 25 reads worse than
Latin digits throughout. Arabic readers from the Maghreb use Latin digits at
home too; Farsi readers are used to them in international documents.
"""
