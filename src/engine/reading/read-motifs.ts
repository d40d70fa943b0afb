import { countWord } from './match-words.js';
import { MOTIF_WORDS, type Motif } from './motifs.js';

/**
 * Motifs ranked by how strongly the words suggest them: the title counts
 * most, then the lyrics, then the style tags. Only the few strongest are
 * kept; a cover that draws everything mentioned draws nothing well.
 */
export function readMotifs(
  title: string,
  lyrics: string,
  tags: string,
): Motif[] {
  const scored: { motif: Motif; score: number }[] = [];
  for (const [motif, words] of Object.entries(MOTIF_WORDS)) {
    let score = 0;
    for (const word of words) {
      score += countWord(title, word) * 3;
      score += Math.min(2, countWord(lyrics, word));
      score += countWord(tags, word) * 0.75;
    }
    if (score > 0) scored.push({ motif: motif as Motif, score });
  }
  scored.sort((a, b) => b.score - a.score || a.motif.localeCompare(b.motif));
  return scored.slice(0, 4).map((entry) => entry.motif);
}
