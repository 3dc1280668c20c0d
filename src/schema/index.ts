/**
 * `bijeen/schema`: the zod schemas (zod/mini) and inferred types for event data (contract
 * section 2) and the registration request (section 4). The single source of truth for components,
 * stories, tests and the reference endpoint. Registers nothing; runs in browsers and on Node 20.
 */
export {
  EventSchema,
  ImageSchema,
  LocationSchema,
  MAX_COMPANIONS,
  OrganizerSchema,
  QuestionSchema,
  QUESTION_ID,
  QUESTION_TYPES,
  RegistrationSettingsSchema,
  RESERVED_IDS,
  SectionSchema,
  answerKind,
  parseEvent,
  type AnswerKind,
  type EventData,
  type EventInput,
  type EventLocation,
  type EventQuestion,
  type EventRegistration,
  type ParseEventOptions,
} from './event.js';
export {
  HONEYPOT_FIELD,
  RegistrationSchema,
  UUID_V4,
  isHoneypotFilled,
  refuseControlCharacters,
  refuseOversized,
  registrationSchemaFor,
  validateRegistration,
  type Answer,
  type RegistrationInput,
  type RegistrationPayload,
} from './registration.js';
export { flattenPayload, unflattenForm } from './form-encoding.js';
export {
  allFields,
  controlName,
  payloadPath,
  registrationFields,
  type FieldInput,
  type FieldLabelKey,
  type RegistrationField,
  type RegistrationFields,
} from './registration-fields.js';
export { readPath, writePath, type DataPath } from './paths.js';
export {
  formatIssues,
  isRecord,
  issueText,
  requiredFallback,
  type DataIssue,
  type MessageKey,
  type SchemaResult,
} from './issues.js';
export { isAllowedUrl, resolveUrl } from './url.js';
export { isEmail, isHttpUrl } from './rules.js';
export { isDateTime, isTimeZone, parseDateTime } from './time.js';
export { REGISTRATION_STATUSES, endsAt, nonMemberPlacesLeft, registrationStatus, time, type RegistrationStatus } from './status.js';
export { agenda, hasAnyTag, tagList } from './agenda.js';
