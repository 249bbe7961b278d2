# Django's English default is "N j, Y" ("Dec. 3, 2029"); Headway writes "3 Dec 2029" everywhere,
# the same as `domain.planning.format_day`, for dates shown with or without the `date` filter.
DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j M"
YEAR_MONTH_FORMAT = "M Y"
