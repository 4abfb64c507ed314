/**
 * The keyword index in an OpenSearch cluster instead of the embedded Lucene index: {@link
 * dev.cuepoint.opensearch.OpenSearchIndex} implements {@link dev.cuepoint.index.KeywordIndex} over the
 * cluster's REST API, with the embedded index's documents sent pre-analysed ({@link
 * dev.cuepoint.opensearch.Tokens}) and the search layer's {@link dev.cuepoint.index.SearchQuery} translated to the query DSL ({@link
 * dev.cuepoint.opensearch.QueryJson}), so both backends give the same answers; the matched spans of a
 * hit come from the same queries run by Lucene over a one-document in-memory index of its matched
 * texts ({@link dev.cuepoint.opensearch.OpenSearchView}). Settings in {@link
 * dev.cuepoint.opensearch.OpenSearchSettings}; HTTP to the nodes in {@link dev.cuepoint.opensearch.Cluster}.
 * Depends on {@code index} (documents, analysis, the interface and its query model) and on Lucene
 * for documents, analysis and the in-memory index; only {@code cli} picks it, by configuration. Passage vectors stay in
 * the embedded passage index. The damaged-index repair at open ({@code index.IndexRepair}) is for the
 * embedded indexes: a cluster keeps replicas of its own.
 */
package dev.cuepoint.opensearch;
