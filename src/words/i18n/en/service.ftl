### service: English
