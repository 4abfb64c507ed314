package dev.cuepoint.schedule;

/**
 * One finished step of a refresh.
 *
 * @param name what ran: {@code crawl}, {@code import}, {@code index}
 * @param summary its one-line result, counts included
 * @param millis how long it took
 * @param ok false when the step failed (its summary says why)
 */
public record RefreshStep(String name, String summary, long millis, boolean ok) {}
