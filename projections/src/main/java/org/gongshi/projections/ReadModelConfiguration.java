package org.gongshi.projections;

import com.mongodb.client.MongoDatabase;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.projections.publicrecords.PublicRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models, as every role reads them. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    CaseViews caseViews(MongoDatabase readModelDatabase) {
        CaseViews views = new CaseViews(readModelDatabase);
        views.ensureIndexes();
        return views;
    }

    @Bean
    PublicRecords publicRecords(MongoDatabase readModelDatabase) {
        PublicRecords records = new PublicRecords(readModelDatabase);
        records.ensureIndexes();
        return records;
    }
}
