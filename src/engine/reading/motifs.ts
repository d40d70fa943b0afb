/** Pictures a cover may carry, suggested by words in the track. */
export type Motif =
  | 'moon'
  | 'sun'
  | 'rain'
  | 'night'
  | 'stars'
  | 'road'
  | 'water'
  | 'fire'
  | 'city'
  | 'desert'
  | 'mountain'
  | 'forest'
  | 'space'
  | 'machine'
  | 'church'
  | 'heart'
  | 'light'
  | 'food'
  | 'storm'
  | 'dream';

/**
 * Words per motif in English, Portuguese, Russian, Japanese, Korean and
 * Arabic. A Latin or Cyrillic word matches whole (a plural "s" allowed);
 * one ending in "*" is a stem that matches at a word start, for Russian
 * inflection. CJK and Arabic words match anywhere, since those scripts do
 * not separate words (or attach articles, as Arabic "ال" does).
 */
export const MOTIF_WORDS: Readonly<Record<Motif, readonly string[]>> = {
  moon: ['moon', 'lunar', 'lua', 'лун*', '月', '달', 'قمر', 'clair de lune'],
  sun: [
    'sun',
    'dawn',
    'sunrise',
    'awakening',
    'sunday',
    'morning',
    'рассвет*',
    'солнц*',
    '朝',
    '太陽',
    '해',
    'شمس',
    'sol',
  ],
  rain: ['rain', 'rainy', 'chuva', 'дожд*', '雨', '비가'],
  night: ['night', 'midnight', 'noite', 'madrugada', 'ноч*', '夜', '밤', 'ليل'],
  stars: [
    'star',
    'starlight',
    'estrela',
    'звезд*',
    '星',
    '별',
    'نجم',
    'nebula',
  ],
  road: ['road', 'highway', 'mile', 'drive', 'drove', 'map', 'route', 'дорог*'],
  water: [
    'sea',
    'ocean',
    'tide',
    'river',
    'water',
    'wave',
    'mar',
    'rio',
    'мор*',
    '海',
    '바다',
    'البحر',
    'بحر',
  ],
  fire: ['fire', 'flame', 'burn', 'огон*', 'огн*', '火', '불', 'نار'],
  city: ['city', 'neon', 'street', 'cidade', 'город*', 'ネオン', '街', '도시'],
  desert: [
    'desert',
    'sand',
    'dune',
    'canyon',
    'mesa',
    'red rock',
    'الصحراء',
    'صحراء',
  ],
  mountain: ['mountain', 'valley', 'peak', 'hill', 'горы', 'гора', '山', '산'],
  forest: ['jungle', 'forest', 'tree', 'leaf', 'лес*', '森', '숲'],
  space: [
    'space',
    'nebula',
    'orbit',
    'orbital',
    'planet',
    'cosmos',
    'galaxy',
    'космос',
  ],
  machine: [
    'machine',
    'iron',
    'steel',
    'robot',
    'gear',
    'elevator',
    'железн*',
    'industrial',
  ],
  church: ['cathedral', 'church', 'gospel', 'choir', 'hymn', 'хор'],
  heart: ['love', 'heart', 'romantic', 'amor', 'любов*', '愛', '사랑', 'حب'],
  light: ['lantern', 'light', 'glow', 'candle', 'свет*', '光', '빛', 'نور'],
  food: ['pancake', 'syrup', 'breakfast', 'coffee', 'tea'],
  storm: ['storm', 'thunder', 'бур*', 'гром*', '嵐'],
  dream: ['dream', 'dreamy', '夢', '꿈', 'сон', 'мечт*'],
};
