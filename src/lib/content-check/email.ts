import { createRequire } from 'node:module';
import { domainToUnicode } from 'node:url';

/**
 * Top-level domains in the IANA root zone, from the `tlds` package (regenerated from IANA's list
 * with each release). An address whose last label is not among them cannot receive mail on the
 * public internet, e.g. "klara.bolinder@lansstyrelsen.orebro".
 * @see https://data.iana.org/TLD/tlds-alpha-by-domain.txt
 */
const PUBLIC_TLDS = new Set<string>(createRequire(import.meta.url)('tlds') as string[]);

/** The domain's last label when it is not a public top-level domain; undefined when it is fine. */
export function unknownTopLevelDomain(address: string): string | undefined {
  const domain = address.slice(address.lastIndexOf('@') + 1).replace(/\.$/, '');
  const label = domain.slice(domain.lastIndexOf('.') + 1).toLowerCase();
  if (!domain.includes('.')) return label || domain;
  const unicode = label.startsWith('xn--') ? domainToUnicode(label) : label;
  return PUBLIC_TLDS.has(unicode) ? undefined : label;
}

/** The message for an address without a public top-level domain. */
export function suspiciousEmailMessage(address: string, label: string): string {
  return (
    `E-postadressen "${address}" slutar på ".${label}", som inte är någon toppdomän på internet, ` +
    'så e-post dit kommer inte fram. Kontrollera adressen (till exempel .se i slutet). ' +
    'Bygget fortsätter och adressen visas som den är skriven.'
  );
}
