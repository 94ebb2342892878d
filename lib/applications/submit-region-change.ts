import { formatDateRu } from '@/lib/domain/dates';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { changeRegion } from '@/lib/register/change-region';
import { checkInsurerChoice } from '@/lib/register/directory-queries';
import { findRegion } from './directory-views';
import { immediateApplication, type ImmediateApplicationInput } from './immediate-application';
import { insurerChoiceIssue } from './submit-insurer-change';

export interface SubmitRegionChangeInput extends ImmediateApplicationInput {
  /** The subject of the RF the person moved to (2-digit subject code). */
  subjectCode: string;
  /** An insurer serving the new region (the current one, if it does). */
  insurerCode: string;
}

export const CHOOSE_REGION_MESSAGE = 'Выберите регион из списка.';

/**
 * Journey 4: moving to another subject of the RF. The ЕНП stays; the insurance continues in the new
 * region with the chosen insurer, and the move unlocks one extra change of insurer and of clinic.
 */
export const submitRegionChange = immediateApplication<SubmitRegionChangeInput>(
  'region_change',
  async (input, { db, personId, today, latest }) => {
    const subjectCode = (input.subjectCode ?? '').trim();
    const insurerCode = (input.insurerCode ?? '').trim();
    const issues: FieldIssue[] = [];
    const region = /^\d{2}$/.test(subjectCode) ? await findRegion(db, subjectCode) : null;
    if (!region) issues.push(fieldIssue('subjectCode', 'SUBJECT_UNKNOWN', CHOOSE_REGION_MESSAGE));
    else if (latest && latest.subjectCode === subjectCode && latest.status !== 'terminated') {
      issues.push(fieldIssue('subjectCode', 'COVERAGE_SAME_REGION'));
    }
    const { insurer, issue } = await checkInsurerChoice(db, insurerCode, region ? subjectCode : null, today);
    if (issue) issues.push(insurerChoiceIssue(issue));
    if (issues.length || !region || !insurer) throw AppError.validation(issues);

    return {
      payload: {
        input: { subjectCode, insurerCode },
        fromSubjectCode: latest?.subjectCode ?? null,
        fromInsurerCode: latest?.insurerCode ?? null,
      },
      subjectCode,
      insurerCode,
      perform: async (meta) => {
        const changed = await changeRegion({ personId, subjectCode, insurerCode }, meta);
        return {
          effectiveDate: changed.opened.validFrom,
          result: {
            subjectCode,
            regionName: region.name,
            insurerCode,
            insurerName: insurer.nameShort,
            fromSubjectCode: latest?.subjectCode ?? null,
          },
          notice: `С ${formatDateRu(changed.opened.validFrom)} вы застрахованы в регионе «${region.name}», страховая компания — ${insurer.nameShort}. Номер полиса (ЕНП) не изменился.`,
        };
      },
    };
  },
);
