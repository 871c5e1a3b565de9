import { describe, expect, it } from 'vitest';
import { guessLanguage } from './lang.js';

describe('guessLanguage', () => {
  it.each([
    ['The police said that the fire was under control and that residents could return home by the evening.', 'en'],
    ['Die Polizei sagte, dass das Feuer unter Kontrolle ist und die Anwohner am Abend zurückkehren können.', 'de'],
    ['La police a déclaré que le feu était maîtrisé et que les habitants pourraient rentrer dans la soirée.', 'fr'],
    ['La policía dijo que el incendio estaba controlado y que los vecinos podrían volver a sus casas por la noche.', 'es'],
    ['A polícia disse que o incêndio está controlado e que os moradores não precisam sair das casas.', 'pt'],
    ['Polisi mengatakan bahwa kebakaran itu sudah dapat dikendalikan dan warga dapat kembali ke rumah mereka.', 'id'],
    ['Полиция сообщила, что пожар взят под контроль и жители смогут вернуться домой вечером.', 'ru'],
    ['Поліція повідомила, що пожежу взято під контроль і мешканці зможуть повернутися додому ввечері.', 'uk'],
    ['경찰은 화재가 진압되었으며 주민들이 저녁에 집으로 돌아갈 수 있다고 밝혔다.', 'ko'],
    ['警察によると、火災は鎮圧され、住民は夕方には帰宅できるという。', 'ja'],
  ])('%s -> %s', (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it.each([
    ['too short', 'OK'],
    ['digits only', '12345 67890 2024 2025 100 200 300 400 500'],
    ['empty', ''],
  ])('no guess for %s', (_what, text) => {
    expect(guessLanguage(text)).toBeNull();
  });
});
