/**
 * The categories whose members are insured in ОСМС without paying themselves.
 *
 * - The state pays for the preferential categories of the Law on ОСМС (art. 28 p. 1 exempts them from
 *   paying; art. 26 makes the state pay): the 15 of 2022–2025 as the fund lists them. Registered
 *   unemployed persons were on the state's list until local executive bodies took them over.
 * - Local executive bodies (акиматы) pay for registered unemployed persons and for non-working persons in
 *   a crisis level of social well-being.
 * The codes are stable (feeds and the register use them); the Russian names are the fund's wording.
 */
export const STATE_PAID_CATEGORIES = {
  CHILDREN: 'Дети',
  PREGNANT_NOT_WORKING: 'Неработающие беременные женщины',
  PARENT_OF_CHILD_UNDER_3: 'Неработающий законный представитель, воспитывающий ребёнка до трёх лет',
  CHILDCARE_LEAVE:
    'Находящиеся в отпуске по беременности и родам, усыновлению новорождённого или уходу за ребёнком до трёх лет',
  CARER_OF_DISABLED_CHILD: 'Неработающие, осуществляющие уход за ребёнком с инвалидностью',
  CARER_OF_GROUP_I_DISABLED: 'Неработающие, осуществляющие уход за лицом с инвалидностью первой группы',
  PENSIONER: 'Получатели пенсионных выплат, в том числе ветераны Великой Отечественной войны',
  PENAL_INSTITUTION:
    'Отбывающие наказание в учреждениях уголовно-исполнительной системы (кроме учреждений минимальной безопасности)',
  PRE_TRIAL_DETENTION: 'Содержащиеся в следственных изоляторах',
  KANDAS_NOT_WORKING: 'Неработающие кандасы',
  MOTHER_OF_MANY_AWARDED:
    'Многодетные матери, награждённые подвесками «Алтын алқа», «Күміс алқа», орденами «Материнская слава» или получившие звание «Мать-героиня»',
  DISABILITY: 'Лица с инвалидностью',
  FULL_TIME_STUDENT: 'Обучающиеся по очной форме',
  TARGETED_SOCIAL_ASSISTANCE: 'Неработающие получатели государственной адресной социальной помощи',
  HOUSE_ARREST_NOT_WORKING: 'Неработающие лица, к которым применена мера пресечения в виде домашнего ареста',
} as const;

export const LOCAL_BODY_CATEGORIES = {
  REGISTERED_UNEMPLOYED: 'Зарегистрированные безработные',
  CRISIS_SOCIAL_WELLBEING: 'Неработающие лица в кризисном уровне социального благополучия',
} as const;

export type StatePaidCategory = keyof typeof STATE_PAID_CATEGORIES;
export type LocalBodyCategory = keyof typeof LOCAL_BODY_CATEGORIES;
export type OsmsCategory = StatePaidCategory | LocalBodyCategory;

export const OSMS_CATEGORIES: readonly OsmsCategory[] = [
  ...(Object.keys(STATE_PAID_CATEGORIES) as StatePaidCategory[]),
  ...(Object.keys(LOCAL_BODY_CATEGORIES) as LocalBodyCategory[]),
];

export function isOsmsCategory(code: string): code is OsmsCategory {
  return Object.hasOwn(STATE_PAID_CATEGORIES, code) || Object.hasOwn(LOCAL_BODY_CATEGORIES, code);
}

/** Who pays the contributions of a category's members. */
export function categoryPayer(category: OsmsCategory): 'state' | 'local-body' {
  return Object.hasOwn(STATE_PAID_CATEGORIES, category) ? 'state' : 'local-body';
}

export function categoryName(category: OsmsCategory): string {
  return categoryPayer(category) === 'state'
    ? STATE_PAID_CATEGORIES[category as StatePaidCategory]
    : LOCAL_BODY_CATEGORIES[category as LocalBodyCategory];
}
