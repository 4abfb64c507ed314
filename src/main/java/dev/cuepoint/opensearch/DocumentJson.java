package dev.cuepoint.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.util.BytesRef;

/**
 * A video's Lucene document ({@code VideoDocuments}) as an OpenSearch source, and back: analysed text
 * fields as their {@link Tokens}; exact values (ids, languages, dates) as keywords and numbers; every
 * stored field, with its type, in {@link Names#STORED} — what results, moments and snippets are made
 * from. Built from the same document the embedded index writes, so the two cannot drift apart.
 */
final class DocumentJson {
  private DocumentJson() {}

  static ObjectNode source(Document doc, Analyzer analyzer) {
    ObjectNode out = Cluster.JSON.createObjectNode();
    ObjectNode text = out.putObject(Names.TEXT_OBJECT);
    Map<String, Set<Object>> values = new LinkedHashMap<>();
    ObjectNode stored = Cluster.JSON.createObjectNode();
    for (IndexableField f : doc.getFields()) {
      IndexableFieldType type = f.fieldType();
      String name = f.name();
      if (type.indexOptions() != IndexOptions.NONE && type.tokenized()) {
        String tokens = Tokens.of(analyzer, name, f.stringValue());
        String key = Names.of(name).substring(Names.TEXT_OBJECT.length() + 1);
        JsonNode had = text.get(key);
        if (had == null) {
          text.put(key, tokens);
        } else {
          ArrayNode many = had.isArray() ? (ArrayNode) had : text.putArray(key).add(had.asText());
          many.add(tokens);
          text.set(key, many);
        }
      } else if (type.indexOptions() != IndexOptions.NONE) {
        values.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(f.stringValue());
      } else if (type.pointDimensionCount() > 0 || type.docValuesType() == DocValuesType.NUMERIC) {
        values.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(f.numericValue().longValue());
      } else if (type.docValuesType() == DocValuesType.SORTED || type.docValuesType() == DocValuesType.BINARY) {
        values.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(f.binaryValue().utf8ToString());
      }
      if (type.stored()) {
        (stored.has(name) ? (ArrayNode) stored.get(name) : stored.putArray(name)).add(storedValue(f));
      }
    }
    values.forEach((name, vs) -> {
      if (!Names.VALUES.contains(name)) {
        throw new IllegalStateException("field " + name + " has no place in the OpenSearch mapping");
      }
      String key = Names.of(name);
      if (vs.size() == 1 && !name.equals(dev.cuepoint.index.Fields.PLAYLIST)
          && !name.equals(dev.cuepoint.index.Fields.LANG) && !name.equals(dev.cuepoint.index.Fields.LANG_PRIMARY)) {
        out.putPOJO(key, vs.iterator().next());
      } else {
        ArrayNode a = out.putArray(key);
        vs.forEach(a::addPOJO);
      }
    });
    out.set(Names.STORED, stored);
    return out;
  }

  /**
   * One stored value: {@code [type, value]}, type s(tring), l(ong), i(nt), b(inary, base64), in the
   * list of its field's values ({@code "stored": {"title": [["s", "…"]], …}}).
   */
  private static ArrayNode storedValue(IndexableField f) {
    ArrayNode a = Cluster.JSON.createArrayNode();
    BytesRef bytes = f.binaryValue();
    Number n = f.numericValue();
    if (n instanceof Integer i) {
      a.add("i").add(i);
    } else if (n != null) {
      a.add("l").add(n.longValue());
    } else if (f.stringValue() != null) {
      a.add("s").add(f.stringValue());
    } else if (bytes != null) {
      a.add("b").add(Base64.getEncoder().encodeToString(
          java.util.Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length)));
    } else {
      throw new IllegalStateException("stored field " + f.name() + " has no value");
    }
    return a;
  }

  /** The stored fields of a source (all of them, or those named), as Lucene would return them. */
  static Document stored(JsonNode source, Set<String> only) {
    Document d = new Document();
    for (var it = source.path(Names.STORED).fields(); it.hasNext(); ) {
      var field = it.next();
      String name = field.getKey();
      if (only != null && !only.contains(name)) {
        continue;
      }
      for (JsonNode v : field.getValue()) {
        JsonNode value = v.path(1);
        switch (v.path(0).asText()) {
          case "i" -> d.add(new StoredField(name, value.asInt()));
          case "l" -> d.add(new StoredField(name, value.asLong()));
          case "b" -> d.add(new StoredField(name, Base64.getDecoder().decode(value.asText())));
          default -> d.add(new StoredField(name, value.asText()));
        }
      }
    }
    return d;
  }
}
