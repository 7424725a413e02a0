// The review feature: `pulumi preview --json` becomes a summary (./summary.ts) and a pull-request
// comment or JSON (./render.ts).
export {
  displayValue,
  NotAPreviewError,
  REVIEW_ACTIONS,
  summarizePreview,
  type ReviewAction,
  type ReviewDiagnostic,
  type ReviewRow,
  type ReviewSummary,
} from "./summary";
export { maskUsername, renderReviewJson, renderReviewMarkdown, type RenderOptions } from "./render";
