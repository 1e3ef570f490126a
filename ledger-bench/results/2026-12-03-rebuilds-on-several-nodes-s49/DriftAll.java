import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** Changes every case view by hand (a field no event writes), so that a rebuild must replace each: java DriftAll.java PORT USER PASSWORD */
public class DriftAll {
    public static void main(String[] a) {
        try (var client = MongoClients.create("mongodb://" + a[1] + ":" + a[2] + "@127.0.0.1:" + a[0]
                + "/?authSource=admin&authMechanism=SCRAM-SHA-256")) {
            var r = client.getDatabase("gongshi").getCollection("case_views").updateMany(Filters.empty(), Updates.set("drifted", true));
            System.out.println("drifted " + r.getModifiedCount() + " case views");
        }
    }
}
