package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.ACTIVE;
import static io.heavenbase.conformance.ConformanceEntity.BODY;
import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.CREATED;
import static io.heavenbase.conformance.ConformanceEntity.DAY;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.REF;
import static io.heavenbase.conformance.ConformanceEntity.SIZES;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ReferenceModel.compareValues;
import static io.heavenbase.conformance.ReferenceModel.same;

import io.heavenbase.Filter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Every leaf operator on the fixture, on text, number, boolean, categorical, time and array fields. */
public final class OperatorCases {

    private OperatorCases() {
    }

    /** The cases, for {@code @MethodSource("io.heavenbase.conformance.OperatorCases#all")}. */
    public static List<OperatorCase> all() {
        Instant feb = Instant.parse("2024-02-01T00:00:00Z");
        LocalDate june = LocalDate.parse("2024-06-01");
        List<OperatorCase> cases = new ArrayList<>();
        cases.add(eq(TITLE, "apple", "apple"));
        cases.add(eq(TITLE, "Apple", "Apple"));
        cases.add(eq(TITLE, "éclair", "éclair"));
        cases.add(eq(QTY, 5, 5L));
        cases.add(eq(PRICE, 2.5, 2.5));
        cases.add(eq(ACTIVE, true, true));
        cases.add(eq(COLOR, "green", "green"));
        cases.add(eq(REF, "a-1", "a-1"));
        cases.add(new OperatorCase("eq created (ISO string in JSON)", Filter.eq(CREATED, feb),
                Map.of(CREATED, Map.of("$eq", "2024-02-01T00:00:00Z")), r -> same(r.get(CREATED), feb)));
        cases.add(new OperatorCase("ne title apple", Filter.ne(TITLE, "apple"), Map.of(TITLE, Map.of("$ne", "apple")),
                r -> !same(r.get(TITLE), "apple")));
        cases.add(new OperatorCase("ne qty 5", Filter.ne(QTY, 5), Map.of(QTY, Map.of("$ne", 5)),
                r -> !same(r.get(QTY), 5L)));
        cases.add(range("lt", QTY, 5, 5L));
        cases.add(range("lte", QTY, 5, 5L));
        cases.add(range("gt", PRICE, 9.99, 9.99));
        cases.add(range("gte", PRICE, 9.99, 9.99));
        cases.add(range("gt", PRICE, 2, 2.0));
        cases.add(range("gt", TITLE, "apple", "apple"));
        cases.add(range("lte", TITLE, "Zebra", "Zebra"));
        cases.add(range("lt", COLOR, "green", "green"));
        cases.add(new OperatorCase("gte created 2024-02-01", Filter.gte(CREATED, feb),
                Map.of(CREATED, Map.of("$gte", "2024-02-01T00:00:00Z")),
                r -> r.get(CREATED) != null && compareValues(r.get(CREATED), feb) >= 0));
        cases.add(new OperatorCase("gt day 2024-06-01", Filter.gt(DAY, june), Map.of(DAY, Map.of("$gt", "2024-06-01")),
                r -> r.get(DAY) != null && compareValues(r.get(DAY), june) > 0));
        cases.add(new OperatorCase("in color [red, blue]", Filter.in(COLOR, "red", "blue"),
                Map.of(COLOR, Map.of("$in", List.of("red", "blue"))),
                r -> same(r.get(COLOR), "red") || same(r.get(COLOR), "blue")));
        cases.add(new OperatorCase("in qty [5, 10, 999]", Filter.in(QTY, List.of(5, 10, 999)),
                Map.of(QTY, Map.of("$in", List.of(5, 10, 999))),
                r -> same(r.get(QTY), 5L) || same(r.get(QTY), 10L)));
        cases.add(new OperatorCase("in title [apple, Ápple]", Filter.in(TITLE, "apple", "Ápple"),
                Map.of(TITLE, Map.of("$in", List.of("apple", "Ápple"))),
                r -> same(r.get(TITLE), "apple") || same(r.get(TITLE), "Ápple")));
        cases.add(new OperatorCase("nin color [red, blue]", Filter.notIn(COLOR, "red", "blue"),
                Map.of(COLOR, Map.of("$nin", List.of("red", "blue"))),
                r -> !same(r.get(COLOR), "red") && !same(r.get(COLOR), "blue")));
        cases.add(new OperatorCase("nin qty [5, 10]", Filter.notIn(QTY, List.of(5, 10)),
                Map.of(QTY, Map.of("$nin", List.of(5, 10))), r -> !same(r.get(QTY), 5L) && !same(r.get(QTY), 10L)));
        cases.add(new OperatorCase("null qty", Filter.isNull(QTY), Map.of(QTY, Map.of("$null", true)),
                r -> r.get(QTY) == null));
        cases.add(new OperatorCase("not null title", Filter.isNotNull(TITLE), Map.of(TITLE, Map.of("$null", false)),
                r -> r.get(TITLE) != null));
        cases.add(new OperatorCase("null tags", Filter.isNull(TAGS), Map.of(TAGS, Map.of("$null", true)),
                r -> r.get(TAGS) == null));
        cases.add(match("quick"));
        cases.add(match("brown fox"));
        cases.add(match("apple pie"));
        cases.add(match("ZEBRA"));
        cases.add(new OperatorCase("match title apple", Filter.match(TITLE, "apple"), Map.of(TITLE, Map.of("$match", "apple")),
                r -> ReferenceModel.matches(r.get(TITLE), "apple")));
        cases.add(new OperatorCase("array_contains tags apple", Filter.arrayContains(TAGS, "apple"),
                Map.of(TAGS, Map.of("$array_contains", "apple")), r -> ReferenceModel.contains(r.get(TAGS), "apple")));
        cases.add(new OperatorCase("array_contains tags new york", Filter.arrayContains(TAGS, "new york"),
                Map.of(TAGS, Map.of("$array_contains", "new york")),
                r -> ReferenceModel.contains(r.get(TAGS), "new york")));
        cases.add(new OperatorCase("array_contains sizes 1", Filter.arrayContains(SIZES, 1),
                Map.of(SIZES, Map.of("$array_contains", 1)), r -> ReferenceModel.contains(r.get(SIZES), 1L)));
        cases.add(containedIn("I love New York pie"));
        cases.add(containedIn("a banana and an APPLE"));
        cases.add(containedIn("york"));
        return cases;
    }

    private static OperatorCase eq(String field, Object value, Object canonical) {
        return new OperatorCase("eq " + field + " " + value, Filter.eq(field, value),
                Map.of(field, Map.of("$eq", value)), r -> same(r.get(field), canonical));
    }

    private static OperatorCase range(String op, String field, Object value, Object canonical) {
        Filter filter;
        Predicate<Integer> holds;
        switch (op) {
            case "lt":
                filter = Filter.lt(field, value);
                holds = c -> c < 0;
                break;
            case "lte":
                filter = Filter.lte(field, value);
                holds = c -> c <= 0;
                break;
            case "gt":
                filter = Filter.gt(field, value);
                holds = c -> c > 0;
                break;
            default:
                filter = Filter.gte(field, value);
                holds = c -> c >= 0;
                break;
        }
        return new OperatorCase(op + " " + field + " " + value, filter, Map.of(field, Map.of("$" + op, value)),
                r -> r.get(field) != null && holds.test(compareValues(r.get(field), canonical)));
    }

    private static OperatorCase match(String query) {
        return new OperatorCase("match body " + query, Filter.match(BODY, query), Map.of(BODY, Map.of("$match", query)),
                r -> ReferenceModel.matches(r.get(BODY), query));
    }

    private static OperatorCase containedIn(String text) {
        return new OperatorCase("contained_in tags '" + text + "'", Filter.containedIn(TAGS, text),
                Map.of(TAGS, Map.of("$contained_in", text)), r -> ReferenceModel.containedIn(r.get(TAGS), text));
    }
}
