/** What a row action (a plain form post that came back by redirect) did, or why it was refused. */
export function OutcomeBanner({
  done,
  failed,
}: {
  done: string | null | undefined;
  failed: string | null | undefined;
}) {
  return (
    <>
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      {failed ? (
        <div className="error-summary" role="alert">
          <p>{failed}</p>
        </div>
      ) : null}
    </>
  );
}
