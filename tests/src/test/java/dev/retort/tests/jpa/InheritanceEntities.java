package dev.retort.tests.jpa;

import static dev.retort.tests.jpa.ShopEntities.source;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Entity hierarchies of the other two strategies, package {@code com.acme.shop} beside the
 * shop's SINGLE_TABLE payments: JOINED vehicles two levels deep with a
 * {@code @PrimaryKeyJoinColumn}, referenced from a garage that also owns trucks by join
 * column; TABLE_PER_CLASS animals under an abstract root, whose keeper references a dog and
 * owns animals by join column.
 */
final class InheritanceEntities {

    private InheritanceEntities() {}

    static List<JavaFileObject> all() {
        List<JavaFileObject> all = new ArrayList<>(joined());
        all.addAll(tablePerClass());
        return all;
    }

    static List<JavaFileObject> joined() {
        return List.of(
                source("Vehicle", """
                        @Entity
                        @Inheritance(strategy = InheritanceType.JOINED)
                        public class Vehicle {
                            @Id
                            @GeneratedValue(strategy = GenerationType.IDENTITY)
                            private Long id;

                            @Column(nullable = false, length = 20)
                            private String plate;
                        }
                        """),
                source("Car", """
                        @Entity
                        public class Car extends Vehicle {
                            private int seats;
                        }
                        """),
                source("ElectricCar", """
                        @Entity
                        public class ElectricCar extends Car {
                            private Integer rangeKm;
                        }
                        """),
                source("Truck", """
                        @Entity
                        @PrimaryKeyJoinColumn(name = "vehicle_id")
                        public class Truck extends Vehicle {
                            @Column(precision = 8, scale = 1)
                            private BigDecimal payload;
                        }
                        """),
                source("Garage", """
                        @Entity
                        public class Garage {
                            @Id
                            private Long id;

                            @ManyToOne
                            private Car favourite;

                            @OneToMany
                            @JoinColumn
                            private List<Truck> trucks = new ArrayList<>();
                        }
                        """));
    }

    static List<JavaFileObject> tablePerClass() {
        return List.of(
                source("Animal", """
                        @Entity
                        @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
                        public abstract class Animal {
                            @Id
                            @GeneratedValue
                            private Long id;

                            @Column(nullable = false, length = 40)
                            private String name;
                        }
                        """),
                source("Dog", """
                        @Entity
                        public class Dog extends Animal {
                            private String breed;
                        }
                        """),
                source("Cat", """
                        @Entity
                        public class Cat extends Animal {
                            private int lives;
                        }
                        """),
                source("Keeper", """
                        @Entity
                        public class Keeper {
                            @Id
                            private Long id;

                            @OneToMany
                            @JoinColumn(name = "keeper_id")
                            private List<Animal> animals = new ArrayList<>();
                        }
                        """),
                source("Vet", """
                        @Entity
                        public class Vet {
                            @Id
                            private Long id;

                            @ManyToOne
                            private Dog patient;
                        }
                        """));
    }
}
