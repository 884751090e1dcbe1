"""The network in other tools' formats: `exporters.formats` (vCard 4.0/3.0, CSV and JSON, with
`select_contacts` leaving private contacts out unless asked) and `exporters.calendar` (iCalendar:
the due list and the coming year's occasions)."""
