"""iCalendar export of events, built with the icalendar library."""

import datetime

from django.http import HttpResponse
from icalendar import Calendar, Event


def build_calendar(request, events, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//LAMSA e.V.//Termine//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    host = request.get_host()
    for event in events:
        entry = Event()
        entry.add("uid", f"event-{event.translation_key}@{host}")
        entry.add("summary", event.title)
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end or event.start + datetime.timedelta(hours=2))
        entry.add("dtstamp", event.last_published_at or event.start)
        location = ", ".join(part for part in (event.location_name, event.address) if part)
        if location:
            entry.add("location", location)
        if event.summary:
            entry.add("description", event.summary)
        entry.add("url", event.get_full_url(request))
        calendar.add_component(entry)
    return calendar


def calendar_response(request, events, filename: str, name: str) -> HttpResponse:
    """An .ics download of the given events."""
    calendar = build_calendar(request, events, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
