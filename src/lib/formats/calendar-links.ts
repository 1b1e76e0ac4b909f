/**
 * "Add to calendar" links that work without JavaScript: the .ics download, a webcal:// subscription,
 * and the compose pages of Google Calendar and Outlook on the web, which take one event each.
 * Pure: plain values in, URLs out.
 */

/** One event as the web calendars take it. */
export interface LinkEvent {
  title: string;
  start: Date;
  end: Date;
  /** Plain text; newlines are kept. */
  details: string;
  location: string;
  /** IANA zone the web calendar should show the times in. */
  timeZone: string;
}

export type OutlookHost = 'live' | 'office';

/** "20190925T090000Z", the UTC form Google's `dates` takes. */
export function compactUtc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** "2019-09-25T09:00:00Z", the UTC form Outlook's `startdt`/`enddt` take. */
export function isoUtc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Google Calendar's event template.
 * @see https://github.com/InteractionDesignFoundation/add-event-to-calendar-docs/blob/main/services/google.md
 */
export function googleCalendarUrl(event: LinkEvent): string {
  return withQuery('https://calendar.google.com/calendar/render', {
    action: 'TEMPLATE',
    text: event.title,
    dates: `${compactUtc(event.start)}/${compactUtc(event.end)}`,
    ctz: event.timeZone,
    details: event.details,
    location: event.location,
  });
}

/**
 * Outlook on the web's compose deeplink: outlook.live.com for personal accounts, outlook.office.com
 * for work and school (Microsoft 365) accounts. Times in UTC with "Z", so the user's zone does not matter.
 * @see https://github.com/InteractionDesignFoundation/add-event-to-calendar-docs/blob/main/services/outlook-web.md
 */
export function outlookCalendarUrl(event: LinkEvent, host: OutlookHost): string {
  return withQuery(`https://outlook.${host}.com/calendar/0/deeplink/compose`, {
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: isoUtc(event.start),
    enddt: isoUtc(event.end),
    location: event.location,
    body: event.details,
  });
}

/** The same file as a subscription: webcal:// in place of http(s)://, so calendar apps take it over. */
export function webcalUrl(icsUrl: string): string {
  const url = new URL(icsUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Not an http(s) URL: ${icsUrl}`);
  return `webcal://${icsUrl.slice(url.protocol.length + 2)}`;
}

/** Query with %20 for spaces (not "+", which Outlook has shown literally); "/" and ":" stay readable. */
function withQuery(base: string, params: Record<string, string>): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%2F/g, '/').replace(/%3A/g, ':');
  const query = Object.entries(params)
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .join('&');
  return `${base}?${query}`;
}

/** The web calendars offered next to the .ics file; each name has a `calendar.<name>` UI string. */
export type WebCalendar = 'google' | 'outlookLive' | 'outlookOffice';

/** One link per web calendar for one event, in the order the site lists them. */
export function webCalendarLinks(event: LinkEvent): { service: WebCalendar; url: string }[] {
  return [
    { service: 'google', url: googleCalendarUrl(event) },
    { service: 'outlookLive', url: outlookCalendarUrl(event, 'live') },
    { service: 'outlookOffice', url: outlookCalendarUrl(event, 'office') },
  ];
}
