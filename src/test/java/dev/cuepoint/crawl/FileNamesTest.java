package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '§',
      textBlock =
          """
          dQw4w9WgXcQ.en.vtt                          § dQw4w9WgXcQ/en
          dQw4w9WgXcQ.vtt                             § dQw4w9WgXcQ/und
          dQw4w9WgXcQ.pt-BR.srt                       § dQw4w9WgXcQ/pt-BR
          dQw4w9WgXcQ.zh-Hans.json3                   § dQw4w9WgXcQ/zh-Hans
          dQw4w9WgXcQ.en-orig.srv3                    § dQw4w9WgXcQ/en-orig
          dQw4w9WgXcQ.de-en.ttml                      § dQw4w9WgXcQ/de-en
          dQw4w9WgXcQ.es-419.sbv                      § dQw4w9WgXcQ/es-419
          Title [dQw4w9WgXcQ].en.vtt                  § dQw4w9WgXcQ/en
          Dr. Who [dQw4w9WgXcQ].vtt                   § dQw4w9WgXcQ/und
          [dQw4w9WgXcQ] Talk.en.srt                   § dQw4w9WgXcQ/en
          Talk [part 1] [dQw4w9WgXcQ] (v2).fr.srt     § dQw4w9WgXcQ/fr
          Old [aaaaaaaaaaa] new [dQw4w9WgXcQ].en.srt  § dQw4w9WgXcQ/en
          lecture one.en.vtt                          § none
          dQw4w9WgXc.en.vtt                           § none
          """)
  void caption_file_names_give_id_and_language(String name, String expected) {
    assertEquals(
        expected,
        FileNames.fromName(name).map(n -> n.id() + "/" + n.language()).orElse("none"));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '§',
      textBlock =
          """
          Talk [dQw4w9WgXcQ] § Talk [dQw4w9WgXcQ].en.vtt         § en
          Talk [dQw4w9WgXcQ] § Talk [dQw4w9WgXcQ].pt-BR.srt      § pt-BR
          Talk [dQw4w9WgXcQ] § Talk [dQw4w9WgXcQ].srt            § und
          Talk [dQw4w9WgXcQ] § Talk [dQw4w9WgXcQ] part 2.en.srt  § none
          Talk [dQw4w9WgXcQ] § Talk [dQw4w9WgXcQ].live chat.srt  § none
          v1.0               § v1.0.en.vtt                       § en
          """)
  void caption_files_beside_an_info_json_take_the_language_after_its_base(
      String base, String name, String expected) {
    assertEquals(expected, FileNames.languageAfter(base, name).orElse("none"));
  }
}
