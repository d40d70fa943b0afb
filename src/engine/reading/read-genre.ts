import { GENRE_WORDS, type Genre } from './genres.js';
import { countWord } from './match-words.js';

export interface GenreScore {
  genre: Genre;
  score: number;
}

/**
 * Ranks genres by the words in the tags (and, weakly, in the lyrics and
 * title). Longer phrases weigh more: "symphonic metal" says more than
 * "symphonic". The first tag usually names the main genre, so words in it
 * count double.
 */
export function readGenres(
  tags: string,
  lyrics: string,
  title: string,
): GenreScore[] {
  const lowered = tags.toLowerCase();
  const firstTag = lowered.split(',')[0] ?? '';
  const prose = `${title}\n${lyrics}`.toLowerCase();
  const scores: GenreScore[] = [];

  for (const [genre, words] of Object.entries(GENRE_WORDS)) {
    let score = 0;
    for (const word of words) {
      const weight = 1 + word.split(' ').length * 0.5;
      score += countWord(lowered, word) * weight;
      score += countWord(firstTag, word) * weight;
      score += countWord(prose, word) * 0.25;
    }
    if (score > 0) scores.push({ genre: genre as Genre, score });
  }
  scores.sort((a, b) => b.score - a.score || a.genre.localeCompare(b.genre));
  return scores.length > 0 ? scores : [{ genre: 'unknown', score: 0 }];
}
