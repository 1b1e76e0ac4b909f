import type { Contact } from '../../schemas/contact.ts';
import { parseSwedishPhone } from '../phone.ts';
import { suspiciousEmailMessage, unknownTopLevelDomain } from './email.ts';
import { fieldName } from './text.ts';
import type { Problem } from './types.ts';
import type { YamlSource } from './yaml.ts';

/** Warnings on contact details that pass the schema but will not work for a reader. */
export function checkContacts(contacts: readonly { id: string; data: Contact }[], source: YamlSource, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const { id, data } of contacts) {
    const label = unknownTopLevelDomain(data.email);
    if (label !== undefined) {
      problems.push({
        severity: 'warning',
        file,
        position: source.locate([id, 'email']).position,
        field: fieldName([id, 'email']),
        message: suspiciousEmailMessage(data.email, label),
      });
    }
    if (data.phone !== undefined && !parseSwedishPhone(data.phone)) {
      problems.push({
        severity: 'warning',
        file,
        position: source.locate([id, 'phone']).position,
        field: fieldName([id, 'phone']),
        message:
          `Telefonnumret "${data.phone}" går inte att tolka som ett svenskt eller internationellt nummer, ` +
          'så det visas som text utan ringlänk. Skriv det med riktnummer, till exempel "010-224 73 39" eller "+46 10 224 73 39".',
      });
    }
  }
  return problems;
}
