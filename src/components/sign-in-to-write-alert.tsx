import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';

/**
 * Says at once, above a create or edit form, that the session may not write (a read-only guest:
 * Lambda would refuse the request with AccessDeniedException), with a Sign in button. The form
 * below stays readable.
 * @param props.action what the form would do, e.g. `create mappings`.
 * @param props.reason why writing is not allowed (`useWriteAccess()`, e.g. "Sign in to make
 *   changes.").
 * @param props.onSignIn starts sign-in (the session's `signIn`, which returns to this page).
 */
export function SignInToWriteAlert({
  action,
  reason,
  onSignIn,
}: {
  action: string;
  reason: string;
  onSignIn: () => void;
}) {
  return (
    <Alert
      type="warning"
      header={`Guests cannot ${action}`}
      action={<Button onClick={onSignIn}>Sign in</Button>}
    >
      {reason} You are using the console as a read-only guest: Lambda refuses writes from the guest
      role (AccessDeniedException), so sign in before you fill in the form.
    </Alert>
  );
}
