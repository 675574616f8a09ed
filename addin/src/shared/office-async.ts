// The one promise helper around Outlook's callback APIs (getAsync/setAsync/prependAsync/...).

export interface AsyncResultLike<T> {
  status: string; // Office.AsyncResultStatus: "succeeded" | "failed"
  value: T;
  error?: { message?: string; code?: number | string; name?: string } | null;
}

export type AsyncCallback<T> = (result: AsyncResultLike<T>) => void;

export class OfficeCallError extends Error {
  constructor(message: string, readonly code?: number | string) {
    super(message);
    this.name = "OfficeCallError";
  }
}

/** Runs one callback-style Office API call and settles with its value or an OfficeCallError. */
export function officeCall<T>(invoke: (callback: AsyncCallback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (result.status === "failed") {
          reject(new OfficeCallError(result.error?.message ?? "Outlook could not complete the request.", result.error?.code));
        } else {
          resolve(result.value);
        }
      });
    } catch (error) {
      reject(error instanceof Error ? error : new OfficeCallError(String(error)));
    }
  });
}
