/** The plain-language problems of one form field, announced as an alert; nothing when there are none. */

/** Renders `messages` of field `name` (element id `${id}-error`, test id `field-error-${name}`). */
export function FieldError({
  id,
  name,
  messages,
}: {
  readonly id: string;
  readonly name: string;
  readonly messages: readonly string[];
}) {
  if (messages.length === 0) return null;
  return (
    <span
      id={`${id}-error`}
      className="field-error"
      data-testid={`field-error-${name}`}
      role="alert"
    >
      {messages.join(' ')}
    </span>
  );
}
