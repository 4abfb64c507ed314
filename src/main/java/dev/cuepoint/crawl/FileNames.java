package dev.cuepoint.crawl;

import dev.cuepoint.captions.CaptionFormat;
import dev.cuepoint.corpus.Video;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What yt-dlp's file names say: {@code Title [VIDEOID].info.json} next to {@code Title
 * [VIDEOID].<lang>.<ext>} subtitles, or plain {@code VIDEOID.<lang>.<ext>} caption files.
 */
final class FileNames {
  static final String INFO_JSON = ".info.json";

  /** The language tags yt-dlp writes: {@code en}, {@code pt-BR}, {@code zh-Hans}, {@code en-orig}, {@code de-en}, {@code es-419}. */
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*");

  private static final Pattern BRACKETED_ID = Pattern.compile("\\[([A-Za-z0-9_-]{11})]");

  static final String UNDETERMINED = "und";

  /** A video id and language read from a caption file's name alone. */
  record IdAndLanguage(String id, String language) {}

  private FileNames() {}

  static boolean isInfoJson(String name) {
    return name.endsWith(INFO_JSON) && name.length() > INFO_JSON.length();
  }

  /** {@code Title [ID]} for {@code Title [ID].info.json}. */
  static String infoJsonBase(String name) {
    return name.substring(0, name.length() - INFO_JSON.length());
  }

  /** The caption format a file's extension names, if it names one. */
  static Optional<CaptionFormat> captionFormat(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? Optional.empty() : CaptionFormat.fromExtension(name.substring(dot + 1));
  }

  /** The last {@code [VIDEOID]} in a name, as yt-dlp's default template puts it. */
  static Optional<String> bracketedId(String name) {
    Matcher m = BRACKETED_ID.matcher(name);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return Optional.ofNullable(last);
  }

  /**
   * The language of a caption file named {@code <base>.<lang>.<ext>} or {@code <base>.<ext>}; empty
   * when the name is not of that form.
   */
  static Optional<String> languageAfter(String base, String name) {
    if (!name.startsWith(base + ".")) {
      return Optional.empty();
    }
    String rest = name.substring(base.length() + 1);
    int dot = rest.lastIndexOf('.');
    if (dot < 0) {
      return Optional.of(UNDETERMINED);
    }
    String language = rest.substring(0, dot);
    return LANGUAGE.matcher(language).matches() ? Optional.of(language) : Optional.empty();
  }

  /**
   * The video id and language of a caption file with no info.json: {@code VIDEOID.<lang>.<ext>},
   * {@code VIDEOID.<ext>}, or any name with {@code [VIDEOID]} in it.
   */
  static Optional<IdAndLanguage> fromName(String name) {
    int ext = name.lastIndexOf('.');
    String stem = ext < 0 ? name : name.substring(0, ext);
    String language = UNDETERMINED;
    int dot = stem.lastIndexOf('.');
    if (dot > 0 && LANGUAGE.matcher(stem.substring(dot + 1)).matches()) {
      language = stem.substring(dot + 1);
      stem = stem.substring(0, dot);
    }
    if (Video.ID.matcher(stem).matches()) {
      return Optional.of(new IdAndLanguage(stem, language));
    }
    String lang = language;
    return bracketedId(stem).map(id -> new IdAndLanguage(id, lang));
  }
}
