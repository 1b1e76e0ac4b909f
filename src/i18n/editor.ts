/**
 * Swedish labels and hints for the web editor (/admin/), one per schema field. The fields
 * themselves come from the zod schemas in src/schemas/ (src/lib/cms-config.ts); a field without
 * an entry here stops the build, and tests/unit/cms-config.test.ts names it.
 * Keys: collection name, then the field path ("program.sessions.speakers").
 */
export interface EditorText {
  label: string;
  hint: string;
  /** Several lines of text: a text area instead of a one-line input. */
  long?: boolean;
}

export const editorCollections = {
  pressmeddelanden: { label: 'Pressmeddelanden', singular: 'Pressmeddelande' },
  program: { label: 'Program', singular: 'Program' },
  talare: { label: 'Talare', singular: 'Talare' },
  kontakter: { label: 'Kontaktpersoner', singular: 'Kontaktperson' },
  organisationer: { label: 'Organisationer', singular: 'Organisation' },
  sidor: { label: 'Sidor', singular: 'Sida' },
} as const;

/** The Markdown text under a release's or page's frontmatter. */
export const editorBody: EditorText = {
  label: 'Text',
  hint: 'Lämna en tom rad mellan styckena. Mellanrubrik: börja raden med ##. Punktlista: börja raderna med -.',
};

const picture = (what: string): Record<string, EditorText> => ({
  '': { label: what, hint: 'Valfri. Lägg bilden i mappen bilder/ bredvid texten; alt-text krävs.' },
  src: { label: 'Bildfil', hint: 'Ladda upp eller välj en bild. Den sparas som ./bilder/filnamn.jpg.' },
  alt: { label: 'Alt-text', hint: 'Vad bilden visar, för den som inte ser den.' },
  credit: { label: 'Fotograf', hint: 'Valfri. Visas som "Foto: …".' },
  licence: { label: 'Villkor för användning', hint: 'Valfri, till exempel "Fri att använda i redaktionella sammanhang".' },
});

const prefixed = (prefix: string, texts: Record<string, EditorText>): Record<string, EditorText> =>
  Object.fromEntries(Object.entries(texts).map(([key, text]) => [key === '' ? prefix : `${prefix}.${key}`, text]));

export const editorFields: Record<string, EditorText> = {
  'pressmeddelanden.title': { label: 'Rubrik', hint: 'Webbadressen görs av rubriken: å, ä och ö blir a, a och o.' },
  'pressmeddelanden.ingress': { label: 'Ingress', hint: 'Valfri. En eller två meningar som visas under rubriken.', long: true },
  'pressmeddelanden.published': {
    label: 'Publiceras',
    hint: 'Datum och klockslag i {tid}. Sparas med tidszon, till exempel 2019-09-23T13:57:00+02:00.',
  },
  'pressmeddelanden.updated': {
    label: 'Rättad',
    hint: 'Valfri. Bara om pressmeddelandet ändrades efter publiceringen: när, i {tid}.',
  },
  'pressmeddelanden.kind': { label: 'Typ', hint: 'Alltid "Pressmeddelande".' },
  'pressmeddelanden.organisations': {
    label: 'Avsändare',
    hint: 'Minst en organisation. Den första organisationens "Om"-text visas sist i pressmeddelandet.',
  },
  'pressmeddelanden.contacts': { label: 'Kontaktpersoner', hint: 'Valfritt. Visas under pressmeddelandet.' },
  'pressmeddelanden.tags': { label: 'Ämnesord', hint: 'Valfritt. Ett ord eller uttryck per rad, till exempel "människohandel".' },
  ...prefixed('pressmeddelanden.image', picture('Pressbild')),
  'pressmeddelanden.draft': {
    label: 'Utkast',
    hint: 'Påslagen: sparas men publiceras inte. Stäng av när pressmeddelandet ska publiceras.',
  },

  'program.name': { label: 'Konferensens namn', hint: 'Hela namnet.' },
  'program.shortName': {
    label: 'Kort namn på webbplatsen',
    hint: 'Valfritt. Visas i sidhuvudet och i sidornas titlar, till exempel "Vattenkonferensen 2025". Hela namnet används om det saknas.',
  },
  'program.acronym': {
    label: 'Kortnamn för appar',
    hint: 'Valfritt. Små bokstäver a–z, siffror och understreck, minst fyra tecken, till exempel "vatten_2025". Görs av namnet och året om det saknas.',
  },
  'program.summary': { label: 'Sammanfattning', hint: 'En mening. Visas i sökmotorer och när sidan delas.' },
  'program.audience': { label: 'Målgrupp', hint: 'Vem konferensen är till för, som i pressmeddelandet.', long: true },
  'program.mediaNote': { label: 'Information till media', hint: 'Valfri.', long: true },
  'program.organisers': { label: 'Arrangörer', hint: 'Minst en organisation.' },
  'program.supporter': { label: 'Med stöd av', hint: 'Valfri. Organisationen som stöder konferensen.' },
  'program.contacts': { label: 'Kontaktpersoner', hint: 'Valfritt. Visas på kontaktsidan.' },
  'program.timezone': { label: 'Tidszon', hint: 'Alla datum och tider i programmet gäller i den här tidszonen: "Europe/Stockholm".' },
  'program.venue': { label: 'Plats', hint: 'Bara det som har publicerats.' },
  'program.venue.name': { label: 'Namn på platsen', hint: 'Till exempel "Selma Spa".' },
  'program.venue.town': { label: 'Ort', hint: 'Till exempel "Sunne".' },
  'program.venue.address': { label: 'Gatuadress', hint: 'Valfri. Bara om den har publicerats.' },
  'program.venue.postalCode': { label: 'Postnummer', hint: 'Valfritt. Bara om det har publicerats.' },
  'program.venue.region': { label: 'Län', hint: 'Valfritt. Länet orten ligger i, till exempel "Värmlands län".' },
  'program.venue.country': { label: 'Land', hint: 'Valfritt. Landskod med två stora bokstäver, till exempel "SE".' },
  'program.venue.geo': { label: 'Koordinater', hint: 'Valfritt. Bara om de har publicerats.' },
  'program.venue.geo.lat': { label: 'Latitud', hint: 'I decimalform, till exempel 59.83.' },
  'program.venue.geo.lon': { label: 'Longitud', hint: 'I decimalform, till exempel 13.13.' },
  'program.days': { label: 'Konferensdagar', hint: 'Minst en dag, med första och sista tid för dagens program.' },
  'program.days.date': { label: 'Datum', hint: 'Konferensdagens datum.' },
  'program.days.start': { label: 'Börjar', hint: 'TT:MM i {tid}.' },
  'program.days.end': { label: 'Slutar', hint: 'TT:MM i {tid}. Måste vara efter starttiden.' },
  'program.sessions': { label: 'Programpunkter', hint: 'Föreläsningar och andra punkter i programmet.' },
  'program.sessions.id': {
    label: 'Id',
    hint: 'Små bokstäver a–z, siffror och bindestreck, till exempel "lagesrapport". Ändra det inte efteråt: kalendrarna bygger på det.',
  },
  'program.sessions.title': { label: 'Titel', hint: 'Som i pressmeddelandet.' },
  'program.sessions.speakers': { label: 'Talare', hint: 'Valfritt. Välj bland talarna; lägg först till en ny talare under "Talare".' },
  'program.sessions.day': { label: 'Dag', hint: 'Valfri. En av konferensdagarna.' },
  'program.sessions.start': { label: 'Börjar', hint: 'Valfri. TT:MM i {tid}.' },
  'program.sessions.end': { label: 'Slutar', hint: 'Valfri. TT:MM i {tid}. Måste vara efter starttiden.' },
  'program.sessions.room': { label: 'Lokal', hint: 'Valfri. Två punkter i samma lokal får inte överlappa.' },
  'program.sessions.description': { label: 'Beskrivning', hint: 'Valfri. Bara text från källan.', long: true },

  'talare.name': { label: 'Namn', hint: 'Hela namnet. Filnamnet (id) görs av namnet: "Simon Häggström" blir simon-haggstrom.' },
  'talare.role': { label: 'Roll', hint: 'Med liten bokstav, som i löptext: "författare och kriminalinspektör".' },
  'talare.organisation': { label: 'Organisation', hint: 'Där talaren arbetar.' },
  'talare.description': { label: 'Presentation', hint: 'Valfri. Bara det som står i källan.', long: true },
  ...prefixed('talare.photo', picture('Porträtt')),

  'kontakter.name': { label: 'Namn', hint: 'Hela namnet. Filnamnet (id) görs av namnet.' },
  'kontakter.organisation': { label: 'Organisation', hint: 'Organisationen personen arbetar för.' },
  'kontakter.email': { label: 'E-post', hint: 'Till exempel fornamn.efternamn@lansstyrelsen.se.' },
  'kontakter.phone': { label: 'Telefon', hint: 'Valfritt. Som i pressmeddelandet, till exempel 010-224 73 39.' },
  'kontakter.familyName': {
    label: 'Efternamn',
    hint: 'Valfritt. Bara när efternamnet inte är sista ordet i namnet, till exempel "von Essen" (för adressboken).',
  },
  'kontakter.title': { label: 'Titel', hint: 'Valfri. Bara om källan anger den, till exempel "kommunikatör".' },
  'kontakter.role': { label: 'Roll', hint: 'Valfri. Rollen för konferensen om källan anger den, till exempel "presskontakt".' },

  'organisationer.name': { label: 'Namn', hint: 'Som i löptext: "Länsstyrelsen Värmland". Filnamnet (id) görs av namnet.' },
  'organisationer.url': { label: 'Webbplats', hint: 'Valfri. Börjar med https://.' },
  'organisationer.about': { label: 'Om organisationen', hint: 'Valfri. Visas sist i pressmeddelanden som organisationen skickar.' },
  'organisationer.about.title': { label: 'Rubrik', hint: 'Till exempel "Om Länsstyrelsen".' },
  'organisationer.about.text': { label: 'Text', hint: 'Stycket som i källan.', long: true },

  'sidor.title': { label: 'Rubrik', hint: 'Sidans rubrik.' },
  'sidor.description': { label: 'Beskrivning', hint: 'En mening för sökmotorer och när sidan delas.' },
  'sidor.updated': { label: 'Senast granskad', hint: 'Datum då innehållet senast sågs över.' },
  'sidor.assessed': { label: 'Senast bedömd', hint: 'Valfri. För tillgänglighetsredogörelsen: när webbplatsen senast bedömdes.' },
};
