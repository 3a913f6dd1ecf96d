### service: español latinoamericano neutro
