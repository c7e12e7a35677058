import type { BenefitCategory, RegisterApplicationInput } from '@shared/graphql/generated/graphql';

export interface RegisterAnswers {
  region: string;
  childIin: string;
  benefitCategory: BenefitCategory;
  benefitDocumentType: string;
  benefitDocumentNumber: string;
  email: string;
  phone: string;
}

/** The mutation's input from the answers: the benefit's document only with a benefit, trimmed. */
export function registerInput(a: RegisterAnswers): RegisterApplicationInput {
  const withBenefit = a.benefitCategory !== 'NONE';
  return {
    region: a.region,
    childIin: a.childIin.trim(),
    benefitCategory: a.benefitCategory,
    email: a.email.trim(),
    phone: a.phone.trim(),
    benefitDocumentType: withBenefit ? a.benefitDocumentType.trim() : null,
    benefitDocumentNumber: withBenefit ? a.benefitDocumentNumber.trim() : null,
  };
}
