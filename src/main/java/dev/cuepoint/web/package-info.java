/**
 * The web app: the JSON API under {@code /api/}, the search page from the project's {@code web/}
 * folder, local recordings at {@code /media/{id}} with byte ranges ({@code MediaFiles}, only from the
 * folders it is given), and the security headers around all. The only package that imports Javalin; it depends on
 * {@code search} for answers, on {@code corpus} records for videos (through {@link
 * dev.cuepoint.web.VideoSource}), and on nothing that crawls or writes. {@link dev.cuepoint.web.Metrics}
 * serves {@code /metrics}: the only class that imports Micrometer; it counts the crawl summaries
 * {@code cli} hands it and the refreshes the refresher reports.
 */
package dev.cuepoint.web;
