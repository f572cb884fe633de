// Reads one calendar file from stdin with ical.js and prints what it found as JSON:
// the method and, per VEVENT, uid, sequence, status, summary, organizer, attendees and
// the start and end in UTC. Exits 1 on a parse error.
import ICAL from "ical.js";

let text = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) text += chunk;
try {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: component.getFirstPropertyValue("status"),
      summary: event.summary,
      organizer: event.organizer,
      attendees: event.attendees.map((attendee) => attendee.getFirstValue()),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
  console.log(JSON.stringify({ method: calendar.getFirstPropertyValue("method"), events }));
} catch (error) {
  console.error(String(error));
  process.exit(1);
}
