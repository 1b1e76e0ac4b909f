/**
 * Swedish labels and hints for the web editor (/admin/), one per schema field. The fields
 * themselves come from the zod schemas in src/schemas/ (src/lib/editor/cms-config.ts); a field without
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
  'pressmeddelanden.title': {
    label: 'Rubrik',
    hint: 'Webbadressen görs av rubriken när pressmeddelandet skapas (å, ä och ö blir a, a och o) och ändras sedan aldrig, inte heller när du rättar rubriken.',
  },
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
  'pressmeddelanden.previousAddresses': {
    label: 'Tidigare adresser',
    hint: 'Valfritt, sällan. Bara om filen har döpts om: den gamla adressen, till exempel "gammal-adress", leder då hit.',
  },
  'pressmeddelanden.withdrawn': {
    label: 'Tillbakadraget',
    hint: 'Valfritt, sällan. När pressmeddelandet drogs tillbaka, i {tid}: adressen visar då bara att det är tillbakadraget och när.',
  },
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

/**
 * Sveltia's own interface strings that its Swedish locale (`@sveltia/cms/locales/sv.json`) lacks,
 * by dotted key, in Sveltia's MessageFormat 2 syntax with the same placeholders as the English.
 * The build fills sv.json with them (src/lib/editor/admin-locale.ts) and fails naming any key the English
 * locale has and neither holds, so an upgrade that adds strings must add them here.
 */
export const sveltiaSwedish: Record<string, string> = {
  select_item: 'Välj {$name}',
  folders: 'Mappar',
  more_folders: 'Fler mappar',
  sign_in_using_access_token_workflow_note: 'Eftersom redaktionellt arbetsflöde är påslaget måste den också kunna läsa och skriva pull requests.',
  sign_in_with_link: 'Logga in med länk',
  sign_in_with_link_confirmation:
    'Länken loggar in dig som {$account} på {$service} och kopierar inställningarna från enheten där den skapades. Fortsätt bara om du själv skapade länken.',
  domain: 'Domän',
  file_unavailable: 'Inte tillgänglig',
  file_unavailable_description: 'Filen kunde inte läsas in. Den kan ha flyttats eller raderats.',
  back_to_parent_folder: 'Tillbaka till överordnad mapp',
  new_folder: 'Ny mapp',
  new_folder_name: 'Mappens namn',
  new_folder_create: 'Skapa',
  new_folder_description: 'Den nya mappen skapas i “{$folder}”.',
  'new_folder_error.empty': 'Mappens namn får inte vara tomt.',
  'new_folder_error.invalid': 'Mappens namn får inte innehålla snedstreck eller börja med en punkt.',
  'new_folder_error.duplicate': 'Det finns redan en mapp eller fil med det namnet här.',
  creating_folder: 'Skapar mappen…',
  creating_folder_failed: 'Mappen kunde inte skapas.',
  folder_options: 'Mappalternativ',
  show_folder_options: 'Visa mappalternativ',
  rename_folder: 'Byt namn på mapp',
  delete_folder: 'Radera mapp',
  enter_new_name_for_folder:
    '.input {$count :integer} .match $count 0 {{Ange ett nytt namn nedan.}} one {{Ange ett nytt namn nedan. Resursen i mappen flyttas med, och poster som använder den uppdateras.}} * {{Ange ett nytt namn nedan. De {$count} resurserna i mappen flyttas med, och poster som använder dem uppdateras.}}',
  enter_new_name_for_external_folder:
    '.input {$count :integer} .match $count 0 {{Ange ett nytt namn nedan.}} one {{Ange ett nytt namn nedan. Filen i mappen flyttas med och får en ny adress, så uppdatera poster som använder den.}} * {{Ange ett nytt namn nedan. De {$count} filerna i mappen flyttas med och får nya adresser, så uppdatera poster som använder dem.}}',
  confirm_deleting_folder:
    '.input {$count :integer} .match $count 0 {{Vill du radera den tomma mappen “{$name}”?}} one {{Vill du radera mappen “{$name}” och resursen i den?}} * {{Vill du radera mappen “{$name}” och de {$count} resurserna i den?}}',
  renaming_folder: 'Byter namn på mappen…',
  renaming_folder_failed: 'Mappen kunde inte byta namn.',
  deleting_folder: 'Raderar mappen…',
  deleting_folder_failed: 'Mappen kunde inte raderas.',
  replace_file: 'Byt ut fil',
  replace_image: 'Byt ut bild',
  remove_file: 'Ta bort fil',
  remove_image: 'Ta bort bild',
  deleting_referenced_assets_note:
    '.input {$count :integer} .match $count one {{Hänvisningen till den i en post tas också bort.}} * {{Hänvisningarna till den i {$count} poster tas också bort.}}',
  cannot_delete_referenced_assets:
    '.input {$count :integer} .match $count one {{Resursen kan inte raderas, eftersom följande fält i posterna som använder den då inte längre vore giltiga. Uppdatera de posterna först.}} * {{Resurserna kan inte raderas, eftersom följande fält i posterna som använder dem då inte längre vore giltiga. Uppdatera de posterna först.}}',
  deleting_referenced_entries_note:
    '.input {$count :integer} .match $count one {{Hänvisningen till den i en annan post tas också bort.}} * {{Hänvisningarna till den i {$count} andra poster tas också bort.}}',
  cannot_delete_referenced_entries:
    '.input {$count :integer} .match $count one {{Posten kan inte raderas, eftersom följande fält i andra poster då inte längre vore giltiga. Uppdatera de posterna först.}} * {{Posterna kan inte raderas, eftersom följande fält i andra poster då inte längre vore giltiga. Uppdatera de posterna först.}}',
  show_errors: 'Visa fel',
  folder_created: 'Mappen skapades.',
  folder_path: 'Mappens sökväg',
  folder_contents: 'Innehåll',
  x_folders: '.input {$count :integer} .match $count 0 {{Inga mappar}} one {{{$count} mapp}} * {{{$count} mappar}}',
  folder_renamed: 'Mappen bytte namn.',
  folder_deleted: 'Mappen raderades.',
  'entry_sidebar.slug.title': 'Slugg',
  'entry_sidebar.slug.generated_on_save': 'Sluggen görs av postens innehåll när den sparas. Datum och tid i den blir de när posten sparas.',
  'entry_sidebar.slug.unavailable': 'Posten har ingen slugg.',
  'save_conflict.title': 'Posten har ändrats av någon annan',
  'save_conflict.modified_by': '{$name} ändrade posten {$date}, efter att du öppnade den.',
  'save_conflict.modified': 'Posten har ändrats i repot efter att du öppnade den.',
  'save_conflict.deleted': 'Posten har raderats från repot efter att du öppnade den.',
  'save_conflict.overwrite_warning': 'Om du sparar nu går deras ändringar förlorade.',
  'save_conflict.recreate_warning': 'Om du sparar nu skapas posten igen.',
  'save_conflict.save_anyway': 'Spara ändå',
  'save_conflict.branch_moved': 'Någon annan uppdaterade repot medan du sparade. Försök igen.',
  'remote_change.reload_entry': 'Läs in posten igen',
  'remote_change.confirm_reloading_entry': 'Vill du läsa in posten igen? Ändringar som du inte har sparat går förlorade.',
  list_item_options: 'Alternativ för listpost',
  'relation_field.save_together_hint': '{$name} sparas tillsammans med posten du redigerar.',
  'relation_field.add_failed': '{$name} kunde inte läggas till. Se webbläsarens konsol för detaljer.',
  'assets_dialog.title.folder': 'Välj mapp',
  'assets_dialog.selected_folder': 'Vald mapp: {$path}',
  'assets_dialog.selected_folders': '.input {$count :integer} .match $count one {{{$count} mapp vald}} * {{{$count} mappar valda}}',
  'assets_dialog.no_subfolders': 'Mappen har inga undermappar.',
  'cloud_storage.bunny_storage.auth_key_label': 'Lösenord för lagringszonen',
  'config.error.invalid_sanitize_replacement':
    'Alternativet `sanitize_replacement` är `{$replacement}`, men det innehåller ett tecken som inte får finnas i en slugg och kan därför inte ersätta ett.',
  'config.error.invalid_url_option': 'Alternativet `{$option}` är `{$url}`, men det måste vara en absolut URL som börjar med `https://` eller `http://`.',
  'config.error.i18n_no_locales': 'Alternativet `i18n.locales` måste ange minst en språkversion.',
  'config.error.i18n_invalid_default_locale': 'Alternativet `default_locale` är `{$locale}`, men det finns inte bland `locales`.',
  'config.error.i18n_invalid_initial_locale': 'Alternativet `initial_locales` innehåller `{$locale}`, men det finns inte bland `locales`.',
  'config.error.invalid_identifier_field': 'Alternativet `identifier_field` hänvisar till `{$name}`, men samlingen har inget sådant fält.',
  'config.error.invalid_filter_field': 'Alternativet `filter` hänvisar till `{$name}`, men samlingen har inget sådant fält.',
  'config.error.invalid_filter_no_condition': 'Alternativet `filter` måste ha `value` eller `pattern` att jämföra posterna med.',
  'config.error.option_field_not_found': 'Alternativet `{$option}` hänvisar till `{$name}`, men inget sådant fält finns.',
  'config.error.thumbnail_field_not_media': 'Alternativet `thumbnail` hänvisar till `{$name}`, men det måste vara ett bild- eller filfält, inte ett `{$widget}`-fält.',
  'config.error.invalid_regex': 'Alternativet `{$option}` innehåller det ogiltiga reguljära uttrycket `{$pattern}`, som ignoreras.',
  'config.error.invalid_view_filter_no_condition':
    'Vyfilter {$count} måste ha alternativet `pattern` eller en jämförelse som `eq` eller `gte` att jämföra posterna med.',
  'config.error.invalid_view_group_default': 'Alternativet `default` i `view_groups` är `{$name}`, men ingen vygrupp har det namnet.',
  'config.error.invalid_view_filter_default': 'Alternativet `default` i `view_filters` är `{$name}`, men inget vyfilter har det namnet.',
  'config.error.collection_folder_i18n_required': 'Samlingen måste ha alternativet `i18n` om platshållaren `locale` används i sökvägen `folder`.',
  'config.error.invalid_collection_folder_locale':
    'Sökvägen `{$folder}` i `folder` är ogiltig. Platshållaren `locale` får bara användas en gång, som ett helt mappnamn, till exempel `content/\\{\\{locale\\}\\}/posts`.',
  'config.error.invalid_range_options': 'Alternativet `{$min}` får inte vara större än alternativet `{$max}`.',
  'config.error.invalid_step': 'Alternativet `step` är `{$step}`, men det måste vara större än noll.',
  'config.error.select_field_no_options': 'Valfältet måste ha minst ett alternativ i `options`.',
  'config.error.select_field_duplicate_option': 'Valfältets `options` måste vara unika, men `{$value}` finns mer än en gång.',
  'config.error.select_field_invalid_default': 'Valfältets `default` är `{$value}`, men det finns inte bland `options`.',
  'config.error.list_field_no_subfields': 'Listfältets `fields` eller `types` måste ha minst en post. Utelämna alternativet för en lista med enkla värden.',
  'config.error.list_field_invalid_default_object': 'Listfältets `default` innehåller ett objekt, men varje post måste vara ett enkelt värde eftersom fältet saknar `fields` och `types`.',
  'config.error.list_field_invalid_default_item': 'Listfältets `default` innehåller `{$value}`, men varje post måste vara ett objekt eftersom fältet har `fields` eller `types`.',
  'config.error.list_field_invalid_default_key': 'Listfältets `default` innehåller en post med egenskapen `{$key}`, men inget underfält har det namnet.',
  'config.error.list_field_default_missing_type': 'Listfältets `default` innehåller en post utan egenskapen `{$typeKey}`, som anger en av `types`.',
  'config.error.list_field_invalid_default_type': 'Listfältets `default` innehåller en post vars `{$typeKey}` är `{$value}`, men det finns inte bland `types`.',
  'config.error.invalid_default_multiple': 'Alternativet `default` måste vara en array eftersom `multiple` är `true`.',
  'config.error.invalid_default_single': 'Alternativet `default` måste vara ett enda värde, inte en array, eftersom `multiple` inte är `true`.',
  'config.error.object_field_invalid_default_key': 'Objektfältets `default` har egenskapen `{$key}`, men inget underfält har det namnet.',
  'config.error.object_field_default_missing_type': 'Objektfältets `default` saknar egenskapen `{$typeKey}`, som anger en av `types`.',
  'config.error.object_field_invalid_default_type': 'Egenskapen `{$typeKey}` i objektfältets `default` är `{$value}`, men det finns inte bland `types`.',
  'config.error.code_field_invalid_default_object': 'Kodfältets `default` måste vara en sträng eftersom `output_code_only` är `true`.',
  'config.error.code_field_invalid_default_key': 'Kodfältets `default` har egenskapen `{$key}`, men `keys` tillåter bara `{$code}` och `{$lang}`.',
  'config.error.number_field_default_not_integer': 'Talfältets `default` är `{$value}`, men det måste vara ett heltal eftersom `value_type` är `{$valueType}`.',
  'config.error.number_field_default_not_number': 'Talfältets `default` är `{$value}`, men det måste vara ett tal eftersom `value_type` är `{$valueType}`.',
  'config.error.object_field_no_subfields': 'Objektfältets `fields` eller `types` måste ha minst en post.',
  'config.error.relation_field_invalid_display_field': 'Visningsfältet `{$field}` är ogiltigt eller saknas.',
  'config.error.relation_field_invalid_search_field': 'Sökfältet `{$field}` är ogiltigt eller saknas.',
  'config.error.relation_field_invalid_filter_field': 'Filterfältet `{$field}` är ogiltigt eller saknas.',
  'config.warning.missing_identifier_field':
    'Samlingen har inget fält `{$name}` att namnge nya poster med, så varje ny post får en slumpad slugg. Lägg till ett fält `{$name}` eller ange `identifier_field` eller `slug`.',
  'config.warning.slug_i18n_ineffective':
    'Alternativet `i18n` i `slug` har ingen verkan, eftersom samlingen inte använder strukturen `multiple_files`, `multiple_folders` eller `multiple_root_folders`, där varje språk har en egen fil.',
  'config.warning.i18n_not_configured': 'Alternativet `i18n` är påslaget, men i18n är inte konfigurerat överst i konfigurationen eller i samlingen, så det har ingen verkan.',
  'status.deploying': 'Publiceras',
  'workflow.deploying_deletion': 'Radering',
};
