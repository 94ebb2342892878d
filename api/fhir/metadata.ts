import { capabilityStatement } from '@/lib/fhir/capability-statement';
import { sendResource, type FhirContext } from './respond';

/** GET /fhir/metadata — the CapabilityStatement; public, like every FHIR server's. */
export function getMetadata({ res, base }: FhirContext): Promise<void> {
  sendResource(res, 200, capabilityStatement(base));
  return Promise.resolve();
}
