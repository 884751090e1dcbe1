"""The network in other tools' formats: `exporters.formats` (vCard, CSV, JSON) and
`exporters.calendar` (iCalendar)."""
