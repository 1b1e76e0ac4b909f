import type { Contact } from '../../schemas/contact.ts';
import { parseSwedishPhone } from '../core/phone.ts';
import { suspiciousEmailMessage, unknownTopLevelDomain } from './email.ts';
import type { Problem } from './types.ts';
import type { YamlSource } from './yaml.ts';

/** Warnings on contact details that pass the schema but will not work for a reader. */
export function checkContacts(contacts: readonly { file: string; source: YamlSource; data: Contact }[]): Problem[] {
  const problems: Problem[] = [];
  for (const { file, source, data } of contacts) {
    const label = unknownTopLevelDomain(data.email);
    if (label !== undefined) {
      problems.push({
        severity: 'warning',
        file,
        position: source.locate(['email']).position,
        field: 'email',
        message: suspiciousEmailMessage(data.email, label),
      });
    }
    if (data.phone !== undefined && !parseSwedishPhone(data.phone)) {
      problems.push({
        severity: 'warning',
        file,
        position: source.locate(['phone']).position,
        field: 'phone',
        message:
          `Telefonnumret "${data.phone}" går inte att tolka som ett svenskt eller internationellt nummer, ` +
          'så det visas som text utan ringlänk. Skriv det med riktnummer, till exempel "010-224 73 39" eller "+46 10 224 73 39".',
      });
    }
  }
  return problems;
}
