package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The best moments picked without sorting them all are the ones a stable sort puts first. */
class MomentOrderTest {
  record Item(int key, int id) {}

  @Test
  void first_few_equal_the_head_of_a_stable_sort_ties_included() {
    Random random = new Random(7);
    Comparator<Item> byKey = Comparator.comparingInt(Item::key);
    for (int round = 0; round < 2_000; round++) {
      int n = random.nextInt(40);
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add(new Item(random.nextInt(1 + random.nextInt(6)), i)); // few keys: many ties
      }
      int limit = 1 + random.nextInt(8);
      List<Item> sorted = new ArrayList<>(items);
      sorted.sort(byKey);
      assertEquals(sorted.subList(0, Math.min(limit, n)), MomentFinder.first(items, limit, byKey),
          "round " + round + ", limit " + limit + ": " + items);
    }
  }

  @Test
  void no_moments_are_asked_for_none_are_given() {
    assertEquals(List.of(), MomentFinder.first(List.of(new Item(1, 1)), 0, Comparator.comparingInt(Item::key)));
  }
}
