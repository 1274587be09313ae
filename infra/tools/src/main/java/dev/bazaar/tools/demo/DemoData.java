package dev.bazaar.tools.demo;

import dev.bazaar.tools.http.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads a demo catalogue through the public API: a category tree with attribute rules and a few hundred listings
 * from several sellers, most of them published. Does nothing if the demo tree is already there, so it is safe to
 * run again. Usage: {@code DemoData http://127.0.0.1:8080}
 */
public final class DemoData {

    /** Every demo seller's password (seller-01@demo.bazaar.dev ... seller-08@demo.bazaar.dev). */
    static final String SELLER_PASSWORD = "demo seller password";

    static final String ROOT_NAME = "Home & Living";

    private static final String[][] TREE = {
        {ROOT_NAME, "Lighting", "Furniture", "Rugs"},
        {"Electronics", "Audio", "Cameras", "Phones"},
        {"Fashion", "Shoes", "Bags", "Watches"},
        {"Garden", "Plants", "Tools", "Outdoor furniture"},
    };

    private static final String[] MATERIALS = {"Brass", "Oak", "Walnut", "Linen", "Leather", "Steel", "Ceramic",
        "Bamboo", "Wool", "Glass", "Copper", "Marble"};

    private static final String[] ADJECTIVES = {"Vintage", "Handmade", "Compact", "Classic", "Modern", "Rustic",
        "Minimal", "Sturdy", "Portable", "Elegant"};

    private static final Map<String, String[]> NOUNS = Map.ofEntries(
            Map.entry("Lighting", new String[] {"desk lamp", "floor lamp", "pendant light", "lantern"}),
            Map.entry("Furniture", new String[] {"armchair", "bookshelf", "side table", "stool"}),
            Map.entry("Rugs", new String[] {"runner rug", "kilim", "round rug", "doormat"}),
            Map.entry("Audio", new String[] {"turntable", "speaker", "headphones", "amplifier"}),
            Map.entry("Cameras", new String[] {"film camera", "lens", "tripod", "camera bag"}),
            Map.entry("Phones", new String[] {"phone case", "charger", "phone stand", "earbuds"}),
            Map.entry("Shoes", new String[] {"boots", "sneakers", "loafers", "sandals"}),
            Map.entry("Bags", new String[] {"backpack", "tote", "messenger bag", "wallet"}),
            Map.entry("Watches", new String[] {"wristwatch", "pocket watch", "watch strap", "chronograph"}),
            Map.entry("Plants", new String[] {"planter", "bonsai", "herb kit", "plant stand"}),
            Map.entry("Tools", new String[] {"spade", "pruning shears", "watering can", "rake"}),
            Map.entry("Outdoor furniture", new String[] {"deck chair", "hammock", "bench", "parasol"}));

    private DemoData() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int listings = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        var http = new Http(base, 8);
        var tree = http.get("/api/v1/categories");
        if (tree.status() != 200) {
            throw new IllegalStateException("the API did not answer GET /api/v1/categories: " + tree);
        }
        if (tree.body().contains("\"" + ROOT_NAME + "\"")) {
            System.out.println("Demo data is already there; nothing to do.");
            return;
        }
        String admin = http.logInAsAdmin();
        var leaves = new ArrayList<Map.Entry<UUID, String>>();
        long last = 0;
        for (String[] branch : TREE) {
            var root = http.post("/api/v1/categories", admin, Map.of("name", branch[0]));
            UUID rootId = UUID.fromString(root.json().get("id").asText());
            for (int i = 1; i < branch.length; i++) {
                var child = http.post("/api/v1/categories", admin, Map.of("name", branch[i],
                        "parentId", rootId, "attributes", List.of(
                                Map.of("name", "condition", "type", "CHOICE", "required", true,
                                        "choices", List.of("new", "like new", "used")),
                                Map.of("name", "material", "type", "TEXT", "required", false))));
                if (child.status() != 201) {
                    throw new IllegalStateException("creating category " + branch[i] + " failed: " + child.body());
                }
                leaves.add(Map.entry(UUID.fromString(child.json().get("id").asText()), branch[i]));
            }
        }
        List<String> sellers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            sellers.add(http.registerAndLogIn(String.format("seller-%02d@demo.bazaar.dev", i), SELLER_PASSWORD,
                    "Demo seller " + i, "seller"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> work = new ArrayList<>();
        for (int n = 0; n < listings; n++) {
            int index = n;
            String seller = sellers.get(index % sellers.size());
            work.add(pool.submit(() -> createListing(http, new Random(index), leaves, seller)));
        }
        for (Future<Long> done : work) {
            last = Math.max(last, done.get());
        }
        pool.shutdown();
        System.out.printf("Loaded %d categories and %d listings from %d sellers (last position %d).%n",
                leaves.size() + TREE.length, listings, sellers.size(), last);
    }

    private static long createListing(Http http, Random random, List<Map.Entry<UUID, String>> leaves, String seller)
            throws Exception {
        var leaf = leaves.get(random.nextInt(leaves.size()));
        String[] nouns = NOUNS.get(leaf.getValue());
        String material = MATERIALS[random.nextInt(MATERIALS.length)];
        String title = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + material.toLowerCase() + " "
                + nouns[random.nextInt(nouns.length)];
        var body = Map.of(
                "title", title,
                "description", "A " + title.toLowerCase() + " in " + List.of("excellent", "good", "fair")
                        .get(random.nextInt(3)) + " shape. Ships within two days.",
                "categoryId", leaf.getKey(),
                "price", Map.of("amountMinor", 500 + random.nextInt(50_000), "currency", "EUR"),
                "quantity", 1 + random.nextInt(10),
                "attributes", Map.of("condition", List.of("new", "like new", "used").get(random.nextInt(3)),
                        "material", material),
                "imageUrls", List.of("https://images.bazaar.example/" + UUID.randomUUID() + ".jpg"));
        var created = http.post("/api/v1/listings", seller, body);
        if (created.status() != 201) {
            throw new IllegalStateException("creating a listing failed: " + created.body());
        }
        long position = created.json().get("position").asLong();
        if (random.nextInt(10) < 8) {
            var published = http.post("/api/v1/listings/" + created.json().get("id").asText() + "/publish", seller,
                    null);
            position = published.json().get("position").asLong();
        }
        return position;
    }

}
