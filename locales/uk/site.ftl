# Interface strings of the Bielefeld site (Ukrainian).
site-title = Ми сприяємо інтеграції!
