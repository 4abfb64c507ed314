/**
 * The web app: the JSON API under {@code /api/}, the search page from the project's {@code web/}
 * folder, and the security headers around both. The only package that imports Javalin; it depends on
 * {@code search} for answers, on {@code corpus} records for videos (through {@link
 * dev.cuepoint.web.VideoSource}), and on nothing that crawls or writes.
 */
package dev.cuepoint.web;
