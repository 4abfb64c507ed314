/**
 * Keeping the index current: a {@link dev.cuepoint.schedule.Schedule} (interval or cron) starts
 * refreshes — the sources' steps (crawl, import) then the index update — one at a time in the
 * background, with their progress and results for the status API. Depends on nothing else in Cuepoint
 * (steps are handed in); wired by {@code cli}, read by {@code web}.
 */
package dev.cuepoint.schedule;
