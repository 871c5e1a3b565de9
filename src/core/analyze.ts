/**
 * Analysis of stored articles: runs the extraction pipeline on articles that have none yet and
 * saves it. (Story assignment joins here when src/stories lands.)
 */
import { createPipeline, type Pipeline } from '../extract/pipeline.js';
import type { Store } from '../store/types.js';

export interface AnalyzeResult {
  extracted: number;
  failed: Array<{ articleId: string; error: string }>;
}

/** Extracts mentions for every stored article without an extraction. One bad article never stops the rest. */
export async function analyzeNew(store: Store, pipeline: Pipeline = createPipeline()): Promise<AnalyzeResult> {
  const result: AnalyzeResult = { extracted: 0, failed: [] };
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.listArticles({ limit: pageSize, offset });
    if (page.length === 0) break;
    for (const a of page) {
      if (a.status !== 'ok' || (await store.getExtraction(a.id)) !== null) continue;
      try {
        const x = pipeline.extract({ id: a.id, text: a.text, published: a.published, ...(a.title ? { title: a.title } : {}) });
        await store.saveExtraction(a.id, x);
        result.extracted++;
      } catch (err) {
        result.failed.push({ articleId: a.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return result;
}
