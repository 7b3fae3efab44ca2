/**
 * Dates of the sources in providers_reference.md. A row's asOf is the date of the first DATED
 * source it cites; rows priced only from undated pages (provider pricing pages, lava.so lists)
 * use the date the reference was compiled, which is when those pages were read.
 */
export const SOURCE_DATE = {
  /** models.dev catalog @f3fc692 */
  MD: '2026-07-02',
  /** LiteLLM model_prices_and_context_window.json via RoCry/llm-api-price @8442b93 */
  LL: '2026-07-24',
  /** OpenRouter /api/v1/models dump mirrored in the models.dev repo @f3fc692 */
  OR: '2026-07-02',
  /** tokenmix.ai Groq pricing article */
  TOKENMIX: '2026-06-04',
  /** providers_reference.md compiled (undated provider pages read that day) */
  READ: '2026-11-26',
  /** Free-tier rate-limit and data-use pages (OpenRouter :free variants, Gemini free tier), read that day */
  FREE_TIERS: '2026-12-07',
} as const;
